namespace Entente.Domain;

/// <summary>The legal form of an agreement.</summary>
public enum AgreementKind
{
    Treaty,
    Agreement,

    /// <summary>مذكرة تفاهم.</summary>
    MemorandumOfUnderstanding,
    Protocol,

    /// <summary>برنامج تنفيذي.</summary>
    ExecutiveProgramme,
}

/// <summary>Lifecycle of an agreement.</summary>
public enum AgreementStatus
{
    Proposed,

    /// <summary>A draft (مشروع) under negotiation.</summary>
    UnderNegotiation,
    Agreed,
    Signed,
    InForce,

    /// <summary>Being activated and implemented (تفعيل).</summary>
    BeingImplemented,
    Expired,
    Terminated,
}

/// <summary>
/// An agreement, MoU, protocol or executive programme between parties of a joint body,
/// moving through its lifecycle one allowed step at a time.
/// </summary>
public sealed class Agreement : BodyRecord
{
    /// <summary>The statuses reachable in one move from <paramref name="status"/> (static, so queries can project it).</summary>
    public static IReadOnlyList<AgreementStatus> NextStatusesOf(AgreementStatus status) => Lifecycle.NextOf(status);

    public static readonly StatusMachine<AgreementStatus> Lifecycle = new(new()
    {
        [AgreementStatus.Proposed] = [AgreementStatus.UnderNegotiation, AgreementStatus.Terminated],
        [AgreementStatus.UnderNegotiation] = [AgreementStatus.Proposed, AgreementStatus.Agreed, AgreementStatus.Terminated],
        [AgreementStatus.Agreed] = [AgreementStatus.UnderNegotiation, AgreementStatus.Signed, AgreementStatus.Terminated],
        [AgreementStatus.Signed] = [AgreementStatus.InForce, AgreementStatus.Terminated],
        [AgreementStatus.InForce] = [AgreementStatus.BeingImplemented, AgreementStatus.Expired, AgreementStatus.Terminated],
        [AgreementStatus.BeingImplemented] = [AgreementStatus.InForce, AgreementStatus.Expired, AgreementStatus.Terminated],
        [AgreementStatus.Expired] = [],
        [AgreementStatus.Terminated] = [],
    });

    public Guid? TrackId { get; set; }

    public AgreementKind Kind { get; set; }

    public required BilingualText Title { get; set; }

    public BilingualText? Summary { get; set; }

    public AgreementStatus Status { get; private set; } = AgreementStatus.Proposed;

    public PartialDate? SignedOn { get; set; }

    public BilingualText? SignedAt { get; set; }

    public PartialDate? InForceFrom { get; set; }

    public List<AgreementParty> Parties { get; set; } = [];

    /// <summary>Moves to <paramref name="to"/> if the lifecycle allows it; signing needs the date of signature.</summary>
    public void ChangeStatus(AgreementStatus to)
    {
        Lifecycle.EnsureCanMove(Status, to);
        DomainRuleException.ThrowIfAny(CheckStatusFacts(to));
        Status = to;
    }

    /// <summary>Checks the agreement's own fields.</summary>
    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in Summary?.Check("summary", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        foreach (var e in SignedOn?.Check("signedOn") ?? [])
        {
            yield return e;
        }

        foreach (var e in InForceFrom?.Check("inForceFrom") ?? [])
        {
            yield return e;
        }

        foreach (var e in SignedAt?.Check("signedAt") ?? [])
        {
            yield return e;
        }

        if (Parties.Select(p => p.PartyId).Distinct().Count() < 2)
        {
            yield return new RuleError(RuleCodes.TooFewParties, "partyIds", "An agreement has at least two distinct parties.", 2);
        }

        if (SignedOn is not null && InForceFrom is not null && PartialDate.Compare(SignedOn, InForceFrom) > 0)
        {
            yield return new RuleError(RuleCodes.EndBeforeStart, "inForceFrom", "An agreement cannot be in force before it is signed.");
        }

        foreach (var e in CheckStatusFacts(Status))
        {
            yield return e;
        }
    }

    private IEnumerable<RuleError> CheckStatusFacts(AgreementStatus status)
    {
        var signedOrLater = status is AgreementStatus.Signed or AgreementStatus.InForce or AgreementStatus.BeingImplemented or AgreementStatus.Expired;
        if (signedOrLater && SignedOn is null)
        {
            yield return new RuleError(RuleCodes.Required, "signedOn", "A signed agreement needs its date of signature (a year at least).");
        }
    }
}

/// <summary>A party to an agreement.</summary>
public sealed class AgreementParty
{
    public Guid AgreementId { get; set; }

    public Guid PartyId { get; set; }
}
