using Entente.Domain;

namespace Entente.UnitTests.Lifecycles;

public sealed class NamesTests
{
    [Theory]
    [InlineData(AgreementStatus.UnderNegotiation, "under-negotiation")]
    [InlineData(AgreementStatus.Proposed, "proposed")]
    [InlineData(AgreementStatus.InForce, "in-force")]
    [InlineData(AgreementStatus.BeingImplemented, "being-implemented")]
    public void Kebab_AgreementStatus_WritesLowerCaseWordsJoinedByHyphens(AgreementStatus status, string expected)
    {
        Assert.Equal(expected, Names.Kebab(status));
    }

    [Fact]
    public void Kebab_LongerNames_HyphenatesEveryWord()
    {
        Assert.Equal("memorandum-of-understanding", Names.Kebab(AgreementKind.MemorandumOfUnderstanding));
        Assert.Equal("one-of-the-capitals", Names.Kebab(PlaceKind.OneOfTheCapitals));
    }
}
