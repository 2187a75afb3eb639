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
}
