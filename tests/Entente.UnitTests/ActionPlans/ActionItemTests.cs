using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.ActionPlans;

public sealed class ActionItemTests
{
    private static ActionItem NewItem() => new() { Title = Sample.Text("Exchange of experts", "تبادل الخبراء") };

    /// <summary>An item in <paramref name="status"/>; every status is one legal move from not-started.</summary>
    private static ActionItem ItemIn(ActionItemStatus status)
    {
        var item = NewItem();
        item.ChangeStatus(status);
        return item;
    }

    [Fact]
    public void New_Item_IsNotStarted()
    {
        Assert.Equal(ActionItemStatus.NotStarted, NewItem().Status);
    }

    [Theory]
    [InlineData(ActionItemStatus.NotStarted, ActionItemStatus.InProgress)]
    [InlineData(ActionItemStatus.NotStarted, ActionItemStatus.Done)]
    [InlineData(ActionItemStatus.InProgress, ActionItemStatus.Blocked)]
    [InlineData(ActionItemStatus.InProgress, ActionItemStatus.Done)]
    [InlineData(ActionItemStatus.Blocked, ActionItemStatus.InProgress)]
    [InlineData(ActionItemStatus.Blocked, ActionItemStatus.Dropped)]
    [InlineData(ActionItemStatus.Done, ActionItemStatus.InProgress)]
    [InlineData(ActionItemStatus.Dropped, ActionItemStatus.NotStarted)]
    public void ChangeStatus_LegalMove_MovesStatus(ActionItemStatus from, ActionItemStatus to)
    {
        var item = ItemIn(from);

        item.ChangeStatus(to);

        Assert.Equal(to, item.Status);
    }

    [Theory]
    [InlineData(ActionItemStatus.Blocked, ActionItemStatus.Done)]
    [InlineData(ActionItemStatus.Done, ActionItemStatus.NotStarted)]
    [InlineData(ActionItemStatus.Done, ActionItemStatus.Dropped)]
    [InlineData(ActionItemStatus.Dropped, ActionItemStatus.InProgress)]
    [InlineData(ActionItemStatus.Dropped, ActionItemStatus.Done)]
    public void ChangeStatus_IllegalMove_IsRefusedAndStatusKept(ActionItemStatus from, ActionItemStatus to)
    {
        var item = ItemIn(from);

        Rules.Throws(() => item.ChangeStatus(to), "illegal-transition", "status");

        Assert.Equal(from, item.Status);
    }

    [Fact]
    public void Check_SameOwnerInstitutionTwice_IsDuplicate()
    {
        var institution = Guid.NewGuid();
        var item = NewItem();
        item.Owners = [new() { InstitutionId = institution }, new() { InstitutionId = institution }];

        Rules.Single(item.Check(), "duplicate", "ownerInstitutionIds");
    }

    [Theory]
    [InlineData(1899, false)]
    [InlineData(1900, true)]
    [InlineData(2200, true)]
    [InlineData(2201, false)]
    public void Check_DueOnYear_MustFallBetween1900And2200(int year, bool valid)
    {
        var item = NewItem();
        item.DueOn = new DateOnly(year, 6, 30);

        var errors = item.Check().ToList();

        if (valid)
        {
            Assert.Empty(errors);
        }
        else
        {
            Rules.Single(errors, "out-of-range", "dueOn");
        }
    }

    [Theory]
    [InlineData(ActionItemStatus.NotStarted, true)]
    [InlineData(ActionItemStatus.InProgress, true)]
    [InlineData(ActionItemStatus.Blocked, true)]
    [InlineData(ActionItemStatus.Done, false)]
    [InlineData(ActionItemStatus.Dropped, false)]
    public void IsOpen_OnlyForItemsStillToDo(ActionItemStatus status, bool open)
    {
        var item = status == ActionItemStatus.Blocked ? ItemIn(ActionItemStatus.InProgress) : NewItem();
        if (item.Status != status)
        {
            item.ChangeStatus(status);
        }

        Assert.Equal(open, item.IsOpen);
    }

    [Fact]
    public void CarryForward_CopiesTheItemIntoTheNewPlan_LinkedBack_WithoutItsReports()
    {
        var owner = Guid.CreateVersion7();
        var party = Guid.CreateVersion7();
        var item = ItemIn(ActionItemStatus.InProgress);
        item.JointBodyId = Guid.CreateVersion7();
        item.TrackId = Guid.CreateVersion7();
        item.DueOn = new DateOnly(2021, 6, 30);
        item.Owners = [new ActionItemOwner { ActionItemId = item.Id, InstitutionId = owner, PartyId = party }];
        item.Updates = [new ProgressUpdate { ActionItemId = item.Id, PartyId = party, On = new DateOnly(2021, 1, 1), Text = Sample.Text("Started", "بدأ") }];
        item.SetVisibility(Visibility.National, party);
        var plan = Guid.CreateVersion7();

        var copy = item.CarryForward(plan);

        Assert.NotEqual(item.Id, copy.Id);
        Assert.Equal(item.Id, copy.CarriedFromId);
        Assert.Equal(plan, copy.ActionPlanId);
        Assert.Equal((item.JointBodyId, item.TrackId, item.Title, item.DueOn, item.Status), (copy.JointBodyId, copy.TrackId, copy.Title, copy.DueOn, copy.Status));
        Assert.Equal((Visibility.National, (Guid?)party), (copy.Visibility, copy.OwnerPartyId));
        var copiedOwner = Assert.Single(copy.Owners);
        Assert.Equal((copy.Id, owner, party), (copiedOwner.ActionItemId, copiedOwner.InstitutionId, copiedOwner.PartyId));
        Assert.Empty(copy.Updates);
    }
}
