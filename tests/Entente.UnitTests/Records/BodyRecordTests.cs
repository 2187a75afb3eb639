using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Records;

public sealed class BodyRecordTests
{
    private static Note NewNote() => new() { Language = "en", Text = "Brief for the minister." };

    [Fact]
    public void New_Record_IsJointWithoutOwner()
    {
        var note = NewNote();

        Assert.Equal(Visibility.Joint, note.Visibility);
        Assert.Null(note.OwnerPartyId);
    }

    [Fact]
    public void SetVisibility_NationalWithoutOwner_NeedsOwnerAndChangesNothing()
    {
        var note = NewNote();

        Rules.Throws(() => note.SetVisibility(Visibility.National, null), "national-needs-owner", "ownerPartyId");

        Assert.Equal(Visibility.Joint, note.Visibility);
    }

    [Fact]
    public void SetVisibility_JointWithOwner_HasNoOwner()
    {
        var note = NewNote();

        Rules.Throws(() => note.SetVisibility(Visibility.Joint, Guid.NewGuid()), "joint-has-no-owner", "ownerPartyId");

        Assert.Null(note.OwnerPartyId);
    }

    [Fact]
    public void SetVisibility_NationalWithOwner_KeepsOwner()
    {
        var kuwait = Guid.NewGuid();
        var note = NewNote();

        note.SetVisibility(Visibility.National, kuwait);

        Assert.Equal(Visibility.National, note.Visibility);
        Assert.Equal(kuwait, note.OwnerPartyId);
    }

    [Fact]
    public void SetVisibility_NationalBackToJoint_ClearsOwner()
    {
        var note = NewNote();
        note.SetVisibility(Visibility.National, Guid.NewGuid());

        note.SetVisibility(Visibility.Joint, null);

        Assert.Equal(Visibility.Joint, note.Visibility);
        Assert.Null(note.OwnerPartyId);
    }
}
