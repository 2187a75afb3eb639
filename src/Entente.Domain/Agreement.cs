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

    /// <summary>
    /// Institutions the agreement concerns beyond its parties: an institution that is itself a party
    /// to it (a development fund, a UN agency), one it benefits, one that carries it out or funds it.
    /// </summary>
    public List<AgreementInstitution> Institutions { get; set; } = [];

    /// <summary>Who signed it, each for a party or an institution, with the title they held then.</summary>
    public List<AgreementSignatory> Signatories { get; set; } = [];

    /// <summary>What happened to the agreement and when, in order: each event is the status it reached.</summary>
    public List<AgreementEvent> Events { get; set; } = [];

    /// <summary>
    /// Moves to <paramref name="to"/> if the lifecycle allows it, and records the move as an event
    /// on <paramref name="on"/> (the date of signature or entry into force when the move is that,
    /// else the day given) at <paramref name="sessionId"/>; signing needs the date of signature.
    /// </summary>
    public void ChangeStatus(AgreementStatus to, PartialDate? on = null, Guid? sessionId = null)
    {
        Lifecycle.EnsureCanMove(Status, to);
        DomainRuleException.ThrowIfAny(CheckStatusFacts(to));
        if (Events.Count == 0)
        {
            // An agreement recorded before histories were kept: its implied past goes first.
            Events.AddRange(History());
        }

        Status = to;
        // Signed once and in force first once: a later return to force is a step of its own day.
        var date = to switch
        {
            AgreementStatus.Signed when !Events.Any(e => e.Status == AgreementStatus.Signed) => SignedOn ?? on,
            AgreementStatus.InForce when !Events.Any(e => e.Status == AgreementStatus.InForce) => InForceFrom ?? on,
            _ => on,
        };
        Events.Add(new AgreementEvent { AgreementId = Id, Sequence = Events.Count == 0 ? 0 : Events.Max(e => e.Sequence) + 1, Status = to, On = date, SessionId = sessionId });
    }

    /// <summary>
    /// Replaces the agreement's history with <paramref name="events"/>, oldest first: its first event
    /// may be any status (earlier stages may be unknown), each later one a legal move from the one
    /// before, dates never going back. The agreement takes the status of the last event, and the
    /// dates of signature and entry into force of its events when it had none; a date that differs
    /// from the event's is refused.
    /// </summary>
    public void ReplaceHistory(IReadOnlyList<AgreementEvent> events)
    {
        var errors = new List<RuleError>();
        if (events.Count == 0)
        {
            errors.Add(new RuleError(RuleCodes.Required, "events", "An agreement's history has at least one event."));
        }

        PartialDate? lastDate = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            errors.AddRange(e.On?.Check($"events[{i}].on") ?? []);
            if (i > 0 && !Lifecycle.NextOf(events[i - 1].Status).Contains(e.Status))
            {
                errors.Add(new RuleError(RuleCodes.IllegalTransition, $"events[{i}].status", $"An agreement cannot go from '{Names.Kebab(events[i - 1].Status)}' to '{Names.Kebab(e.Status)}'.", Names.Kebab(events[i - 1].Status), Names.Kebab(e.Status)));
            }

            if (e.On is not null && lastDate is not null && PartialDate.Compare(lastDate, e.On) > 0)
            {
                errors.Add(new RuleError(RuleCodes.EndBeforeStart, $"events[{i}].on", "An event cannot be dated before the event it follows."));
            }

            lastDate = e.On?.Year is not null ? e.On : lastDate;
        }

        SignedOn = Reconcile(SignedOn, events, AgreementStatus.Signed, "signedOn", errors);
        InForceFrom = Reconcile(InForceFrom, events, AgreementStatus.InForce, "inForceFrom", errors);
        if (errors.Count == 0)
        {
            errors.AddRange(CheckStatusFacts(events[^1].Status));
        }

        DomainRuleException.ThrowIfAny(errors);
        Events.Clear();
        var firstSigned = events.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Status == AgreementStatus.Signed).i;
        var firstInForce = events.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Status == AgreementStatus.InForce).i;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            // A step of signature or entry into force given without its day takes the agreement's own date of it.
            var on = e.On ?? (e.Status == AgreementStatus.Signed && i == firstSigned ? SignedOn : e.Status == AgreementStatus.InForce && i == firstInForce ? InForceFrom : null);
            Events.Add(new AgreementEvent { AgreementId = Id, Sequence = i, Status = e.Status, On = on, SessionId = e.SessionId });
        }

        Status = events[^1].Status;
    }

    private static PartialDate? Reconcile(PartialDate? date, IReadOnlyList<AgreementEvent> events, AgreementStatus status, string field, List<RuleError> errors)
    {
        // The first time it was reached: an agreement re-enters force after a pause, but came into force once.
        var dated = events.Select((e, i) => (e, i)).FirstOrDefault(x => x.e.Status == status && x.e.On is not null);
        if (dated.e is null)
        {
            return date;
        }

        if (date is not null && date != dated.e.On)
        {
            errors.Add(new RuleError(RuleCodes.Mismatch, field, $"'{field}' differs from the date of the '{Names.Kebab(status)}' event (events[{dated.i}].on).", dated.i));
            return date;
        }

        return dated.e.On;
    }

    /// <summary>
    /// The history as recorded, or, for an agreement recorded before histories were kept, the
    /// shortest legal path from <c>proposed</c> to its status, dated where its own dates say.
    /// </summary>
    public IReadOnlyList<AgreementEvent> History()
    {
        if (Events.Count > 0)
        {
            return [.. Events.OrderBy(e => e.Sequence)];
        }

        return [.. PathFromProposed(Status).Select((s, i) => new AgreementEvent
        {
            AgreementId = Id,
            Sequence = i,
            Status = s,
            On = s switch { AgreementStatus.Signed => SignedOn, AgreementStatus.InForce => InForceFrom, _ => null },
        })];
    }

    /// <summary>The statuses from <c>proposed</c> (included) to <paramref name="target"/> by the fewest legal moves.</summary>
    public static IReadOnlyList<AgreementStatus> PathFromProposed(AgreementStatus target)
    {
        var previous = new Dictionary<AgreementStatus, AgreementStatus>();
        var queue = new Queue<AgreementStatus>([AgreementStatus.Proposed]);
        while (queue.Count > 0)
        {
            var current = queue.Dequeue();
            foreach (var next in Lifecycle.NextOf(current).Where(n => n != AgreementStatus.Proposed && !previous.ContainsKey(n)))
            {
                previous[next] = current;
                queue.Enqueue(next);
            }
        }

        var path = new Stack<AgreementStatus>();
        for (var s = target; s != AgreementStatus.Proposed; s = previous[s])
        {
            path.Push(s);
        }

        path.Push(AgreementStatus.Proposed);
        return [.. path];
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

/// <summary>
/// One step of an agreement's life: the status it reached (proposed, under negotiation, signed,
/// in force, being implemented…), when, and at which session, when it happened at one.
/// </summary>
public sealed class AgreementEvent
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgreementId { get; init; }

    /// <summary>The order of the event in the agreement's history (0 first).</summary>
    public int Sequence { get; init; }

    public AgreementStatus Status { get; init; }

    public PartialDate? On { get; init; }

    /// <summary>The session at which it happened (signed during the 15th session).</summary>
    public Guid? SessionId { get; init; }
}

/// <summary>What an institution is to an agreement.</summary>
public enum AgreementInstitutionRole
{
    /// <summary>A party to it in its own right (a fund signing a loan agreement).</summary>
    Party,

    /// <summary>It benefits from it (a university whose students it funds).</summary>
    Beneficiary,

    /// <summary>It carries it out.</summary>
    Implementer,

    /// <summary>It pays for it.</summary>
    Funder,
}

/// <summary>An institution an agreement concerns, in one role.</summary>
public sealed class AgreementInstitution
{
    public Guid AgreementId { get; set; }

    public Guid InstitutionId { get; set; }

    public AgreementInstitutionRole Role { get; set; }
}

/// <summary>
/// A person who signed an agreement, for one of the body's parties or for an institution (which
/// may be of a party outside the body: a UN agency, a fund), with the title at the time.
/// </summary>
public sealed class AgreementSignatory : PersonInRole
{
    public Guid AgreementId { get; set; }

    /// <summary>The institution the person signed for, when it was one rather than the party's government.</summary>
    public Guid? InstitutionId { get; set; }

    public PartialDate? SignedOn { get; set; }
}

/// <summary>A party to an agreement.</summary>
public sealed class AgreementParty
{
    public Guid AgreementId { get; set; }

    public Guid PartyId { get; set; }
}
