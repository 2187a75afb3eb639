using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.ActionPlans;

public sealed class ActionPlanTests
{
    private static ActionPlan NewPlan() => new()
    {
        Title = Sample.Text("Action plan 2021–2022", "خطة العمل 2021–2022"),
        SignedOn = new PartialDate(2020, 11, 23),
        DocumentId = Guid.NewGuid(),
    };

    [Fact]
    public void RecordSignedOnPaper_WithoutDateOrDocument_NamesBothAndStaysFrozen()
    {
        var plan = new ActionPlan { Title = Sample.Text("Action plan", "خطة العمل") };
        plan.ChangeStatus(ActionPlanStatus.Frozen);

        var error = Assert.Throws<DomainRuleException>(() => plan.RecordSignedOnPaper(null, null));

        Assert.Equal(["documentId", "signedOn"], error.Errors.Select(e => e.Field).Order());
        Assert.Equal(ActionPlanStatus.Frozen, plan.Status);
        Assert.False(plan.SignedOnPaper);
    }

    private static ActionPlan SignedPlan()
    {
        var plan = NewPlan();
        plan.ChangeStatus(ActionPlanStatus.Frozen);
        plan.RecordSignedOnPaper(new PartialDate(2020, 11, 23), Guid.NewGuid());
        return plan;
    }

    [Fact]
    public void New_Plan_IsDraftVersionOneAndMutable()
    {
        var plan = NewPlan();

        Assert.Equal(ActionPlanStatus.Draft, plan.Status);
        Assert.Equal(1, plan.PlanVersion);
        Assert.False(plan.IsImmutable);
    }

    [Fact]
    public void ChangeStatus_DraftToSigned_IsIllegalTransition()
    {
        var plan = NewPlan();

        Rules.Throws(() => plan.ChangeStatus(ActionPlanStatus.Signed), "illegal-transition", "status");

        Assert.Equal(ActionPlanStatus.Draft, plan.Status);
    }

    [Fact]
    public void ChangeStatus_FrozenToSigned_IsRefused_ThePlanIsSignedByItsSignatures()
    {
        var plan = NewPlan();
        plan.ChangeStatus(ActionPlanStatus.Frozen);

        Rules.Throws(() => plan.ChangeStatus(ActionPlanStatus.Signed), "signatures-required", "status");

        Assert.Equal(ActionPlanStatus.Frozen, plan.Status);
        Assert.False(plan.IsImmutable);
    }

    [Theory]
    [InlineData(ActionPlanStatus.Draft)]
    [InlineData(ActionPlanStatus.Frozen)]
    public void RecordSignedOnPaper_FromDraftOrFrozen_IsSignedImmutableAndSaysSo(ActionPlanStatus from)
    {
        var plan = NewPlan();
        if (from == ActionPlanStatus.Frozen)
        {
            plan.ChangeStatus(ActionPlanStatus.Frozen);
        }

        var document = Guid.NewGuid();
        plan.RecordSignedOnPaper(new PartialDate(2020, 11, 23), document);

        Assert.Equal((ActionPlanStatus.Signed, true, true, document), (plan.Status, plan.IsImmutable, plan.SignedOnPaper, plan.DocumentId));
        Rules.Throws(() => plan.RecordSignedOnPaper(new PartialDate(2021, 1, 1), document), "plan-locked", "status");
    }

    [Fact]
    public void ChangeStatus_FrozenBackToDraft_IsAllowed()
    {
        var plan = NewPlan();
        plan.ChangeStatus(ActionPlanStatus.Frozen);

        plan.ChangeStatus(ActionPlanStatus.Draft);

        Assert.Equal(ActionPlanStatus.Draft, plan.Status);
    }

    [Theory]
    [InlineData(ActionPlanStatus.Draft)]
    [InlineData(ActionPlanStatus.Frozen)]
    public void ChangeStatus_FromSigned_IsIllegalTransition(ActionPlanStatus to)
    {
        var plan = SignedPlan();

        Rules.Throws(() => plan.ChangeStatus(to), "illegal-transition", "status");

        Assert.Equal(ActionPlanStatus.Signed, plan.Status);
        Assert.True(plan.IsImmutable);
    }
}
