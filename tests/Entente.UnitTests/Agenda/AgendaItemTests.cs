using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Agenda;

public sealed class AgendaItemTests
{
    private static readonly Guid Kuwait = Guid.CreateVersion7();
    private static readonly Guid Britain = Guid.CreateVersion7();

    private static AgendaItem NationalBriefing(MinutesStatus reach)
    {
        var item = new AgendaItem { Title = new BilingualText("إحاطة داخلية", "Internal briefing"), Position = 1 };
        item.SetVisibility(Visibility.National, Kuwait);
        item.EditMinutes(new BilingualText("المحضر", "The minutes"));
        if (reach >= MinutesStatus.Proposed)
        {
            item.ProposeMinutes();
        }

        if (reach >= MinutesStatus.Approved)
        {
            item.ApproveMinutes(Kuwait, Guid.CreateVersion7(), DateTime.UtcNow, [Kuwait]);
        }

        if (reach >= MinutesStatus.Locked)
        {
            item.LockMinutes();
        }

        return item;
    }

    [Theory]
    [InlineData(MinutesStatus.Proposed)]
    [InlineData(MinutesStatus.Approved)]
    public void Share_MinutesOneSideApproved_GoBackToDraftWithoutItsApproval(MinutesStatus reached)
    {
        var item = NationalBriefing(reached);

        item.Share();

        Assert.Equal((Visibility.Joint, (Guid?)null, MinutesStatus.Draft), (item.Visibility, item.OwnerPartyId, item.MinutesStatus));
        Assert.Empty(item.MinutesApprovals);
        item.ProposeMinutes();
        item.ApproveMinutes(Kuwait, Guid.CreateVersion7(), DateTime.UtcNow, [Kuwait, Britain]);
        Assert.Equal(MinutesStatus.Proposed, item.MinutesStatus); // now both sides must approve
    }

    [Fact]
    public void Share_LockedMinutes_IsRefusedAndTheItemStaysNational()
    {
        var item = NationalBriefing(MinutesStatus.Locked);

        Rules.Throws(item.Share, RuleCodes.MinutesLocked, "visibility");

        Assert.Equal((Visibility.National, MinutesStatus.Locked), (item.Visibility, item.MinutesStatus));
    }

    [Fact]
    public void Share_DraftMinutes_KeepsThem()
    {
        var item = NationalBriefing(MinutesStatus.Draft);

        item.Share();

        Assert.Equal((Visibility.Joint, MinutesStatus.Draft, "The minutes"), (item.Visibility, item.MinutesStatus, item.Minutes!.En));
    }
}
