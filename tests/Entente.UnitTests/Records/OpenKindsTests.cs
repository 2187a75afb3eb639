using Entente.Domain;

namespace Entente.UnitTests.Records;

/// <summary>A kind outside the list is 'other' with a label of its own; a label never sits on a listed kind.</summary>
public sealed class OpenKindsTests
{
    private static readonly BilingualText Label = new("أسبوع ثقافي", string.Empty);

    [Fact]
    public void Other_NeedsItsLabel() =>
        Assert.Equal([("kindLabel", RuleCodes.Required)], OpenKinds.Check(isOther: true, label: null).Select(e => (e.Field, e.Code)));

    [Fact]
    public void AListedKind_RefusesALabel() =>
        Assert.Equal([("kindLabel", RuleCodes.Mismatch)], OpenKinds.Check(isOther: false, Label).Select(e => (e.Field, e.Code)));

    [Fact]
    public void Other_WithALabelInOneLanguage_IsWhole()
    {
        Assert.Empty(OpenKinds.Check(isOther: true, Label));
        Assert.Empty(OpenKinds.Check(isOther: false, label: null));
    }

    [Fact]
    public void AnEngagement_OfKindOther_ChecksItsLabelsText()
    {
        var engagement = new Engagement { Title = new BilingualText("معرض", string.Empty), Kind = EngagementKind.Other, KindLabel = new BilingualText(new string('x', 201), string.Empty) };

        Assert.Contains(engagement.Check(), e => e.Field == "kindLabel.ar" && e.Code == RuleCodes.TooLong);
    }
}
