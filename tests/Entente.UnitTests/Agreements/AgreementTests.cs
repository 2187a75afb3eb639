using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Agreements;

public sealed class AgreementTests
{
    private static readonly Guid Kuwait = Guid.NewGuid();
    private static readonly Guid UnitedKingdom = Guid.NewGuid();

    private static Agreement NewAgreement(params Guid[] parties) => new()
    {
        Kind = AgreementKind.MemorandumOfUnderstanding,
        Title = Sample.Text("MoU on cultural cooperation", "مذكرة تفاهم للتعاون الثقافي"),
        Parties = [.. parties.Select(p => new AgreementParty { PartyId = p })],
    };

    [Fact]
    public void New_Agreement_IsProposed()
    {
        Assert.Equal(AgreementStatus.Proposed, NewAgreement().Status);
    }

    [Fact]
    public void ChangeStatus_ProposedToInForce_IsIllegalTransition()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.SignedOn = Sample.Date("2020-11-23");

        Rules.Throws(() => agreement.ChangeStatus(AgreementStatus.InForce), "illegal-transition", "status");

        Assert.Equal(AgreementStatus.Proposed, agreement.Status);
    }

    [Fact]
    public void ChangeStatus_FullLegalPath_ReachesExpired()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.SignedOn = Sample.Date("2020-11-23");
        AgreementStatus[] path =
        [
            AgreementStatus.UnderNegotiation,
            AgreementStatus.Agreed,
            AgreementStatus.Signed,
            AgreementStatus.InForce,
            AgreementStatus.BeingImplemented,
            AgreementStatus.Expired,
        ];

        foreach (var status in path)
        {
            agreement.ChangeStatus(status);
            Assert.Equal(status, agreement.Status);
        }
    }

    [Fact]
    public void ChangeStatus_NegotiationMovesBackAndForth_IsAllowed()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);

        agreement.ChangeStatus(AgreementStatus.UnderNegotiation);
        agreement.ChangeStatus(AgreementStatus.Agreed);
        agreement.ChangeStatus(AgreementStatus.UnderNegotiation);

        Assert.Equal(AgreementStatus.UnderNegotiation, agreement.Status);
    }

    [Fact]
    public void ChangeStatus_SigningWithoutSignedOn_RequiresSignedOn()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.ChangeStatus(AgreementStatus.UnderNegotiation);
        agreement.ChangeStatus(AgreementStatus.Agreed);

        Rules.Throws(() => agreement.ChangeStatus(AgreementStatus.Signed), "required", "signedOn");
        Assert.Equal(AgreementStatus.Agreed, agreement.Status);
    }

    [Fact]
    public void Check_InForceFromImpossibleMonth_IsRefused()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.InForceFrom = new PartialDate(2021, 13);

        Rules.Single(agreement.Check(), "out-of-range", "inForceFrom.month");
    }

    [Fact]
    public void ChangeStatus_SigningWithYearOnly_IsAccepted()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.SignedOn = Sample.Date("1961");
        agreement.ChangeStatus(AgreementStatus.UnderNegotiation);
        agreement.ChangeStatus(AgreementStatus.Agreed);

        agreement.ChangeStatus(AgreementStatus.Signed);

        Assert.Equal(AgreementStatus.Signed, agreement.Status);
    }

    [Theory]
    [InlineData(AgreementStatus.Proposed)]
    [InlineData(AgreementStatus.UnderNegotiation)]
    [InlineData(AgreementStatus.Agreed)]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.InForce)]
    [InlineData(AgreementStatus.BeingImplemented)]
    [InlineData(AgreementStatus.Expired)]
    public void ChangeStatus_FromTerminated_IsIllegalTransition(AgreementStatus to)
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.ChangeStatus(AgreementStatus.Terminated);

        Rules.Throws(() => agreement.ChangeStatus(to), "illegal-transition", "status");

        Assert.Equal(AgreementStatus.Terminated, agreement.Status);
        Assert.Empty(Agreement.Lifecycle.NextOf(AgreementStatus.Terminated));
    }

    [Theory]
    [InlineData(AgreementStatus.Proposed)]
    [InlineData(AgreementStatus.UnderNegotiation)]
    [InlineData(AgreementStatus.Agreed)]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.InForce)]
    [InlineData(AgreementStatus.BeingImplemented)]
    public void Lifecycle_EveryLiveStatus_CanBeTerminated(AgreementStatus from)
    {
        Assert.True(Agreement.Lifecycle.CanMove(from, AgreementStatus.Terminated));
    }

    [Theory]
    [InlineData(AgreementStatus.Agreed, AgreementStatus.InForce)]
    [InlineData(AgreementStatus.Signed, AgreementStatus.Agreed)]
    [InlineData(AgreementStatus.Expired, AgreementStatus.InForce)]
    [InlineData(AgreementStatus.Proposed, AgreementStatus.Signed)]
    public void Lifecycle_SkippingOrReversingSteps_IsNotAllowed(AgreementStatus from, AgreementStatus to)
    {
        Assert.False(Agreement.Lifecycle.CanMove(from, to));
    }

    [Fact]
    public void Check_TwoDistinctParties_HasNoErrors()
    {
        Assert.Empty(NewAgreement(Kuwait, UnitedKingdom).Check());
    }

    [Fact]
    public void Check_NoParties_NeedsTwoDistinctParties()
    {
        var error = Rules.Single(NewAgreement().Check(), "too-few-parties", "partyIds");

        Assert.Equal(2, Assert.Single(error.Args));
    }

    [Fact]
    public void Check_SamePartyTwice_NeedsTwoDistinctParties()
    {
        Rules.Single(NewAgreement(Kuwait, Kuwait).Check(), "too-few-parties", "partyIds");
    }

    [Fact]
    public void Check_InForceBeforeSigned_IsEndBeforeStart()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.SignedOn = Sample.Date("2020-11-23");
        agreement.InForceFrom = Sample.Date("2020-11-01");

        Rules.Single(agreement.Check(), "end-before-start", "inForceFrom");
    }

    [Fact]
    public void Check_InvalidSignedOnAndMissingEnglishTitle_ReportsEachByFieldPath()
    {
        var agreement = NewAgreement(Kuwait, UnitedKingdom);
        agreement.Title = new BilingualText(" ", "");
        agreement.SignedOn = new PartialDate(2020, 2, 30);

        var fields = agreement.Check().Select(e => e.Field).ToList();

        Assert.Equal(new[] { "title.ar", "title.en", "signedOn.day" }, fields);
    }
}
