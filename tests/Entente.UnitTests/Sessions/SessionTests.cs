using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Sessions;

public sealed class SessionTests
{
    private static readonly Guid Kuwait = Guid.NewGuid();
    private static readonly Guid UnitedKingdom = Guid.NewGuid();

    private static Session NewSession() => new() { Number = 16, Year = 2020 };

    private static Session ConcludedSession()
    {
        var session = NewSession();
        session.ChangeStatus(SessionStatus.Open);
        session.ChangeStatus(SessionStatus.Concluded);
        return session;
    }

    private static SessionCoChair CoChair(Guid party) => new()
    {
        PersonId = Guid.NewGuid(),
        PartyId = party,
        Title = Sample.Text("Deputy Minister of Foreign Affairs", "نائب وزير الخارجية"),
    };

    [Fact]
    public void New_Session_IsPlannedAndOpenForEdits()
    {
        var session = NewSession();

        Assert.Equal(SessionStatus.Planned, session.Status);
        Assert.True(session.IsOpenForEdits);
    }

    [Fact]
    public void ChangeStatus_Concluded_ClosesForEdits()
    {
        var session = ConcludedSession();

        Assert.Equal(SessionStatus.Concluded, session.Status);
        Assert.False(session.IsOpenForEdits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void ChangeStatus_ReopenWithoutReason_IsReasonRequired(string? reason)
    {
        var session = ConcludedSession();

        Rules.Throws(() => session.ChangeStatus(SessionStatus.Open, reason), "reason-required", "reopenReason");

        Assert.Equal(SessionStatus.Concluded, session.Status);
        Assert.Null(session.ReopenReason);
    }

    [Fact]
    public void ChangeStatus_ReopenWithReason_OpensAndKeepsTrimmedReason()
    {
        var session = ConcludedSession();

        session.ChangeStatus(SessionStatus.Open, "  Minutes corrected at the request of both sides. ");

        Assert.Equal(SessionStatus.Open, session.Status);
        Assert.True(session.IsOpenForEdits);
        Assert.Equal("Minutes corrected at the request of both sides.", session.ReopenReason);
    }

    [Fact]
    public void ChangeStatus_ConcludedToPlanned_IsIllegalTransitionEvenWithReason()
    {
        var session = ConcludedSession();

        Rules.Throws(() => session.ChangeStatus(SessionStatus.Planned, "typo"), "illegal-transition", "status");

        Assert.Equal(SessionStatus.Concluded, session.Status);
    }

    [Fact]
    public void ChangeStatus_OpenBackToPlanned_NeedsNoReason()
    {
        var session = NewSession();
        session.ChangeStatus(SessionStatus.Open);

        session.ChangeStatus(SessionStatus.Planned);

        Assert.Equal(SessionStatus.Planned, session.Status);
        Assert.Null(session.ReopenReason);
    }

    [Fact]
    public void Check_ValidSession_HasNoErrors()
    {
        var session = NewSession();
        session.StartsOn = Sample.Date("2020-07-31");
        session.EndsOn = Sample.Date("2020-09-01");
        session.PlaceKind = PlaceKind.City;
        session.PlaceName = Sample.Text("London", "لندن");
        session.CoChairs = [CoChair(Kuwait), CoChair(UnitedKingdom)];

        Assert.Empty(session.Check());
    }

    [Theory]
    [InlineData("2020-09-01", "2020-07-31")]
    [InlineData("2021", "2020-12")]
    public void Check_EndBeforeStart_IsRefused(string starts, string ends)
    {
        var session = NewSession();
        session.StartsOn = Sample.Date(starts);
        session.EndsOn = Sample.Date(ends);

        Rules.Single(session.Check(), "end-before-start", "endsOn");
    }

    [Fact]
    public void Check_CityWithoutName_RequiresPlaceName()
    {
        var session = NewSession();
        session.PlaceKind = PlaceKind.City;

        Rules.Single(session.Check(), "required", "placeName");
    }

    [Theory]
    [InlineData(PlaceKind.Virtual)]
    [InlineData(PlaceKind.OneOfTheCapitals)]
    [InlineData(PlaceKind.ToBeDecided)]
    public void Check_NonCityPlaceWithoutName_HasNoErrors(PlaceKind kind)
    {
        var session = NewSession();
        session.PlaceKind = kind;

        Assert.Empty(session.Check());
    }

    [Fact]
    public void Check_TwoCoChairsForOneParty_IsDuplicate()
    {
        var session = NewSession();
        session.CoChairs = [CoChair(Kuwait), CoChair(Kuwait)];

        Rules.Single(session.Check(), "duplicate", "coChairs");
    }

    [Theory]
    [InlineData(0, 2020, "number")]
    [InlineData(16, 1899, "year")]
    [InlineData(16, 2201, "year")]
    public void Check_NumberOrYearOutOfRange_IsRefused(int number, int year, string field)
    {
        var session = new Session { Number = number, Year = year };

        Rules.Single(session.Check(), "out-of-range", field);
    }

    [Fact]
    public void Check_InvalidStartDate_ReportsNestedField()
    {
        var session = NewSession();
        session.StartsOn = new PartialDate(2020, 13);

        Rules.Single(session.Check(), "out-of-range", "startsOn.month");
    }
}
