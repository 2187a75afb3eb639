namespace Entente.Domain;

/// <summary>Lifecycle of an agenda item's minutes.</summary>
public enum MinutesStatus
{
    /// <summary>Being written by the secretariats.</summary>
    Draft,

    /// <summary>Put to the parties for approval; the text no longer changes unless sent back to draft.</summary>
    Proposed,

    /// <summary>Approved by every party concerned (both secretariats for a joint item).</summary>
    Approved,

    /// <summary>Closed: neither the minutes nor their outcomes change any more.</summary>
    Locked,
}

/// <summary>What an outcome of an agenda item did.</summary>
public enum OutcomeAction
{
    Created,
    Updated,
}

/// <summary>
/// One item of a session's (or one of its meetings') agenda (جدول الأعمال): ordered and timed,
/// joint or national (an internal briefing of one party), often carried from the previous
/// period (an open action item or obstacle), with its minutes (محضر) and the action items and
/// obstacles those minutes created or updated.
/// </summary>
public sealed class AgendaItem : BodyRecord
{
    public static readonly StatusMachine<MinutesStatus> MinutesLifecycle = new(new()
    {
        [MinutesStatus.Draft] = [MinutesStatus.Proposed],
        [MinutesStatus.Proposed] = [MinutesStatus.Draft, MinutesStatus.Approved],
        [MinutesStatus.Approved] = [MinutesStatus.Draft, MinutesStatus.Locked],
        [MinutesStatus.Locked] = [],
    });

    public Guid SessionId { get; set; }

    /// <summary>The meeting whose agenda this is, when the item belongs to one meeting rather than the whole session.</summary>
    public Guid? MeetingId { get; set; }

    /// <summary>Order within the agenda, from 1.</summary>
    public int Position { get; set; }

    public required BilingualText Title { get; set; }

    public Guid? TrackId { get; set; }

    /// <summary>When the item starts, as planned.</summary>
    public TimeOnly? StartsAt { get; set; }

    public int? DurationMinutes { get; set; }

    /// <summary>The open action item of the previous period this item follows up.</summary>
    public Guid? CarriedActionItemId { get; set; }

    /// <summary>The open obstacle this item takes up again.</summary>
    public Guid? CarriedObstacleId { get; set; }

    public BilingualText? Minutes { get; set; }

    public MinutesStatus MinutesStatus { get; private set; } = MinutesStatus.Draft;

    public List<MinutesApproval> MinutesApprovals { get; set; } = [];

    public List<AgendaOutcome> Outcomes { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in Minutes?.Check("minutes", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        if (DurationMinutes is < 1 or > 600)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "durationMinutes", "An item lasts between 1 and 600 minutes.", 1, 600);
        }

        if (Position < 1)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "position", "Positions start at 1.", 1);
        }
    }

    /// <summary>Changes the minutes' text, which only a draft allows.</summary>
    /// <summary>
    /// Renames the item; once its minutes are proposed the title is what the parties approve with
    /// them, so it changes only after the minutes go back to draft.
    /// </summary>
    public void Retitle(BilingualText title)
    {
        if (title == Title)
        {
            return;
        }

        if (MinutesStatus != MinutesStatus.Draft)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.MinutesLocked, "title", "The minutes are proposed, approved or locked, and the item's title with them: send them back to draft to change it."));
        }

        Title = title;
    }

    public void EditMinutes(BilingualText? minutes)
    {
        if (minutes == Minutes)
        {
            return;
        }

        if (MinutesStatus != MinutesStatus.Draft)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.MinutesLocked, "minutes", "The minutes are proposed, approved or locked: send them back to draft to change them."));
        }

        Minutes = minutes;
    }

    /// <summary>Puts written minutes to the parties.</summary>
    public void ProposeMinutes()
    {
        if (Minutes is null)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.Required, "minutes", "Write the minutes before proposing them."));
        }

        // Minutes go to the parties for approval in both languages.
        DomainRuleException.ThrowIfAny([.. Title.CheckComplete("title"), .. Minutes.CheckComplete("minutes")]);

        MinutesLifecycle.EnsureCanMove(MinutesStatus, MinutesStatus.Proposed, "minutesStatus");
        MinutesStatus = MinutesStatus.Proposed;
    }

    /// <summary>A party approves the proposed minutes; when every party concerned has, they are approved.</summary>
    /// <param name="concerned">The parties whose approval the item needs: both for a joint item, the owner for a national one.</param>
    public void ApproveMinutes(Guid partyId, Guid accountId, DateTime at, IReadOnlyCollection<Guid> concerned)
    {
        if (MinutesStatus != MinutesStatus.Proposed)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.NotProposed, "minutesStatus", "Only proposed minutes are approved."));
        }

        if (MinutesApprovals.Any(a => a.PartyId == partyId))
        {
            throw new DomainRuleException(new RuleError(RuleCodes.Duplicate, "partyId", "This party has already approved these minutes."));
        }

        MinutesApprovals.Add(new MinutesApproval { AgendaItemId = Id, PartyId = partyId, AccountId = accountId, ApprovedAt = at });
        if (concerned.All(p => MinutesApprovals.Any(a => a.PartyId == p)))
        {
            MinutesStatus = MinutesStatus.Approved;
        }
    }

    /// <summary>Sends proposed or approved minutes back to draft; the approvals given are withdrawn.</summary>
    public void ReturnMinutesToDraft()
    {
        MinutesLifecycle.EnsureCanMove(MinutesStatus, MinutesStatus.Draft, "minutesStatus");
        MinutesApprovals.Clear();
        MinutesStatus = MinutesStatus.Draft;
    }

    /// <summary>
    /// Shares a national item with every party of the body. Its minutes were approved by its own party
    /// alone: proposed or approved minutes go back to draft, so that every party now concerned approves
    /// them; locked minutes cannot be shared (they were closed by one party and can no longer be approved
    /// by the others): add a joint item instead.
    /// </summary>
    public void Share()
    {
        if (Visibility != Visibility.National)
        {
            return;
        }

        if (MinutesStatus == MinutesStatus.Locked)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.MinutesLocked, "visibility", "The minutes of this national item are locked by its party alone: it cannot be shared; add a joint item instead."));
        }

        if (MinutesStatus != MinutesStatus.Draft)
        {
            ReturnMinutesToDraft();
        }

        SetVisibility(Visibility.Joint, null);
    }

    /// <summary>Closes approved minutes for good.</summary>
    public void LockMinutes()
    {
        MinutesLifecycle.EnsureCanMove(MinutesStatus, MinutesStatus.Locked, "minutesStatus");
        MinutesStatus = MinutesStatus.Locked;
    }

    /// <summary>Records that the minutes created or updated a record; locked minutes take no more outcomes.</summary>
    public void AddOutcome(RecordType type, Guid recordId, OutcomeAction action, DateTime at)
    {
        if (MinutesStatus == MinutesStatus.Locked)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.MinutesLocked, "minutesStatus", "The minutes are locked: their outcomes no longer change."));
        }

        Outcomes.Add(new AgendaOutcome { AgendaItemId = Id, RecordType = type, RecordId = recordId, Action = action, At = at });
    }
}

/// <summary>One party's approval of an agenda item's minutes.</summary>
public sealed class MinutesApproval
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgendaItemId { get; set; }

    public Guid PartyId { get; set; }

    public Guid AccountId { get; set; }

    public DateTime ApprovedAt { get; set; }
}

/// <summary>An action item or obstacle that an agenda item's minutes created or updated.</summary>
public sealed class AgendaOutcome
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid AgendaItemId { get; set; }

    public RecordType RecordType { get; set; }

    public Guid RecordId { get; set; }

    public OutcomeAction Action { get; set; }

    public DateTime At { get; set; }
}
