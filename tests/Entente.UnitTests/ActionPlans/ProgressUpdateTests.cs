using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.ActionPlans;

public sealed class ProgressUpdateTests
{
    private static ProgressUpdate Update(int? percent) => new()
    {
        PartyId = Guid.NewGuid(),
        On = new DateOnly(2021, 3, 1),
        Text = Sample.Text("Two experts seconded.", "تم انتداب خبيرين."),
        PercentComplete = percent,
    };

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(55)]
    [InlineData(100)]
    public void Check_PercentWithinRange_HasNoErrors(int? percent)
    {
        Assert.Empty(Update(percent).Check());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Check_PercentOutOfRange_IsRefused(int percent)
    {
        var error = Rules.Single(Update(percent).Check(), "out-of-range", "percentComplete");

        Assert.Equal(new object[] { 0, 100 }, error.Args);
    }

    [Fact]
    public void Check_NoText_ReportsTextField()
    {
        var update = Update(10);
        update.Text = new BilingualText("", " ");

        Assert.Equal(["text.ar", "text.en"], update.Check().Select(e => e.Field));
    }

    [Fact]
    public void Check_TextInEnglishOnly_IsKept_ItsArabicPending()
    {
        var update = Update(10);
        update.Text = new BilingualText("", "Two experts seconded.");

        Assert.Empty(update.Check());
    }
}
