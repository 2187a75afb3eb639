using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.JointBodies;

public sealed class JointBodyTests
{
    private static readonly BilingualText SteeringGroupName = Sample.Text("Kuwait–UK Joint Steering Group", "مجموعة التوجيه المشتركة الكويتية البريطانية");

    private static JointBody NewBody(params Guid[] parties) => new()
    {
        Kind = JointBodyKind.JointSteeringGroup,
        Name = SteeringGroupName,
        Members = [.. parties.Select(p => new JointBodyMember { PartyId = p })],
    };

    [Fact]
    public void Rename_NewKindAndName_KeepsFormerNameAndKind()
    {
        var body = NewBody();
        var dialogue = Sample.Text("Kuwait–UK Strategic Dialogue", "الحوار الاستراتيجي الكويتي البريطاني");
        var effective = Sample.Date("2021-06");

        body.Rename(JointBodyKind.StrategicDialogue, dialogue, effective);

        Assert.Equal(JointBodyKind.StrategicDialogue, body.Kind);
        Assert.Equal(dialogue, body.Name);
        var former = Assert.Single(body.FormerNames);
        Assert.Equal(JointBodyKind.JointSteeringGroup, former.Kind);
        Assert.Equal(SteeringGroupName, former.Name);
        Assert.Equal(effective, former.Until);
        Assert.Equal(body.Id, former.JointBodyId);
    }

    [Fact]
    public void Rename_SameKindAndEqualName_AddsNothing()
    {
        var body = NewBody();

        body.Rename(JointBodyKind.JointSteeringGroup, Sample.Text("Kuwait–UK Joint Steering Group", "مجموعة التوجيه المشتركة الكويتية البريطانية"), null);

        Assert.Empty(body.FormerNames);
    }

    [Fact]
    public void Rename_KindOnly_KeepsFormerKind()
    {
        var body = NewBody();

        body.Rename(JointBodyKind.JointCommittee, SteeringGroupName, null);

        var former = Assert.Single(body.FormerNames);
        Assert.Equal(JointBodyKind.JointSteeringGroup, former.Kind);
        Assert.Null(former.Until);
        Assert.Equal(JointBodyKind.JointCommittee, body.Kind);
    }

    [Fact]
    public void Rename_Twice_KeepsFormerNamesOldestFirst()
    {
        var body = NewBody();
        var committee = Sample.Text("Joint Committee", "اللجنة المشتركة");

        body.Rename(JointBodyKind.JointCommittee, committee, Sample.Date("2015"));
        body.Rename(JointBodyKind.StrategicDialogue, Sample.Text("Strategic Dialogue", "الحوار الاستراتيجي"), Sample.Date("2021"));

        Assert.Equal(new[] { SteeringGroupName, committee }, body.FormerNames.Select(f => f.Name));
    }

    [Fact]
    public void CheckMembers_TwoDistinctParties_HasNoErrors()
    {
        Assert.Empty(NewBody(Guid.NewGuid(), Guid.NewGuid()).CheckMembers());
    }

    [Fact]
    public void CheckMembers_OneParty_NeedsTwoDistinctParties()
    {
        Rules.Single(NewBody(Guid.NewGuid()).CheckMembers(), "too-few-parties", "partyIds");
    }

    [Fact]
    public void CheckMembers_SamePartyTwice_NeedsTwoDistinctParties()
    {
        var kuwait = Guid.NewGuid();

        Rules.Single(NewBody(kuwait, kuwait).CheckMembers(), "too-few-parties", "partyIds");
    }
}
