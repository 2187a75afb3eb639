using Entente.Domain;

namespace Entente.UnitTests.Lifecycles;

public sealed class StatusMachineTests
{
    private static readonly StatusMachine<SessionStatus> Machine = new(new()
    {
        [SessionStatus.Planned] = [SessionStatus.Open],
    });

    [Fact]
    public void CanMove_SameStatus_IsAlwaysAllowed()
    {
        Assert.True(Machine.CanMove(SessionStatus.Concluded, SessionStatus.Concluded));
    }

    [Fact]
    public void CanMove_ListedAndUnlistedMoves_FollowTheTable()
    {
        Assert.True(Machine.CanMove(SessionStatus.Planned, SessionStatus.Open));
        Assert.False(Machine.CanMove(SessionStatus.Open, SessionStatus.Planned));
    }

    [Fact]
    public void NextOf_StatusMissingFromTable_IsEmpty()
    {
        Assert.Empty(Machine.NextOf(SessionStatus.Open));
    }

    [Fact]
    public void EnsureCanMove_IllegalMove_ReportsKebabStatusesAndAllowedNext()
    {
        var exception = Assert.Throws<DomainRuleException>(
            () => Agreement.Lifecycle.EnsureCanMove(AgreementStatus.Proposed, AgreementStatus.InForce));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("illegal-transition", error.Code);
        Assert.Equal("status", error.Field);
        Assert.Equal(new object[] { "proposed", "in-force", "under-negotiation, terminated" }, error.Args);
    }

    [Fact]
    public void EnsureCanMove_FromStatusWithNoNext_SaysNone()
    {
        var exception = Assert.Throws<DomainRuleException>(
            () => Machine.EnsureCanMove(SessionStatus.Open, SessionStatus.Planned, "sessionStatus"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal("sessionStatus", error.Field);
        Assert.EndsWith("allowed next: none.", error.Message, StringComparison.Ordinal);
    }
}
