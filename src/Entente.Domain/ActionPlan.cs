namespace Entente.Domain;

/// <summary>Lifecycle of an action plan.</summary>
public enum ActionPlanStatus
{
    Draft,

    /// <summary>Frozen for signature: its text no longer changes.</summary>
    Frozen,

    /// <summary>Signed by every co-chair; immutable.</summary>
    Signed,
}

/// <summary>
/// The action plan (خطة العمل) a session adopts for the next period: a versioned set of
/// action items, frozen and then signed by every co-chair, after which it is immutable.
/// </summary>
public sealed class ActionPlan : Entity
{
    public static readonly StatusMachine<ActionPlanStatus> Lifecycle = new(new()
    {
        [ActionPlanStatus.Draft] = [ActionPlanStatus.Frozen],
        [ActionPlanStatus.Frozen] = [ActionPlanStatus.Draft, ActionPlanStatus.Signed],
        [ActionPlanStatus.Signed] = [],
    });

    public Guid JointBodyId { get; set; }

    /// <summary>The session that adopted the plan.</summary>
    public Guid SessionId { get; set; }

    public required BilingualText Title { get; set; }

    /// <summary>The period the plan covers ("the next period" after its session), when stated.</summary>
    public PartialDate? CoversFrom { get; set; }

    public PartialDate? CoversTo { get; set; }

    /// <summary>The plan's version number, counting from 1.</summary>
    public int PlanVersion { get; set; } = 1;

    public ActionPlanStatus Status { get; private set; } = ActionPlanStatus.Draft;

    public PartialDate? SignedOn { get; set; }

    /// <summary>The signed document, with its signatories.</summary>
    public Guid? DocumentId { get; set; }

    /// <summary>
    /// The plan's content as frozen, in its canonical form (RFC 8785 JSON, both languages): what
    /// the co-chairs sign. Null while the plan is a draft.
    /// </summary>
    public string? CanonicalForm { get; private set; }

    /// <summary>Lower-case hexadecimal SHA-256 of <see cref="CanonicalForm"/>'s UTF-8 bytes.</summary>
    public string? ContentSha256 { get; private set; }

    /// <summary>True once every co-chair has signed.</summary>
    public bool IsImmutable => Status == ActionPlanStatus.Signed;

    /// <summary>True while frozen or signed: the plan's text and its items' content no longer change.</summary>
    public bool IsContentLocked => Status != ActionPlanStatus.Draft;

    /// <summary>
    /// Moves the plan between draft and frozen. A plan becomes signed only by its co-chairs' signatures
    /// (<see cref="CompleteSignatures"/>) or when recorded as signed on paper (<see cref="RecordSignedOnPaper"/>), never by a
    /// change of status.
    /// </summary>
    public void ChangeStatus(ActionPlanStatus to)
    {
        Lifecycle.EnsureCanMove(Status, to);
        if (to == ActionPlanStatus.Signed)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.SignaturesRequired, "status",
                "A plan is signed by its co-chairs' signatures, or recorded as signed on paper with the scan of the signed text: not by a change of status."));
        }

        if (to == ActionPlanStatus.Draft)
        {
            CanonicalForm = null;
            ContentSha256 = null;
        }

        Status = to;
    }

    /// <summary>True when the plan was signed on paper (its document holds the scan) rather than by the co-chairs' signatures here.</summary>
    public bool SignedOnPaper { get; private set; }

    /// <summary>
    /// Records that the co-chairs signed the plan on paper, on <paramref name="on"/>, and that <paramref name="documentId"/>
    /// holds the signed text: a draft or frozen plan becomes signed and immutable, marked as signed on paper.
    /// </summary>
    public void RecordSignedOnPaper(PartialDate? on, Guid? documentId)
    {
        if (Status == ActionPlanStatus.Signed)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.PlanLocked, "status", "The action plan is already signed."));
        }

        Sign(on, documentId);
        SignedOnPaper = true;
    }

    private void Sign(PartialDate? on, Guid? documentId)
    {
        var missing = new List<RuleError>();
        if (on is null)
        {
            missing.Add(new RuleError(RuleCodes.Required, "signedOn", "A signed action plan needs its date of signature."));
        }

        if (documentId is null)
        {
            missing.Add(new RuleError(RuleCodes.Required, "documentId", "A signed action plan needs the signed document, with its signatories."));
        }

        DomainRuleException.ThrowIfAny(missing);
        SignedOn = on;
        DocumentId = documentId;
        Status = ActionPlanStatus.Signed;
    }

    /// <summary>Freezes a draft for signature, fixing <paramref name="content"/> as the text to be signed.</summary>
    public void Freeze(System.Text.Json.Nodes.JsonObject content)
    {
        ChangeStatus(ActionPlanStatus.Frozen);
        CanonicalForm = CanonicalJson.Serialize(content);
        ContentSha256 = CanonicalJson.Sha256(content);
    }

    /// <summary>
    /// Marks a frozen plan signed once every co-chair's signature is in: the day of the last
    /// signature and the document that records the signed plan.
    /// </summary>
    public void CompleteSignatures(PartialDate on, Guid documentId)
    {
        if (Status != ActionPlanStatus.Frozen || CanonicalForm is null)
        {
            throw new DomainRuleException(new RuleError(RuleCodes.NotFrozen, "status", "Only a frozen plan, with its canonical form, is signed."));
        }

        Sign(on, documentId);
    }
}

/// <summary>Status of an action item.</summary>
public enum ActionItemStatus
{
    NotStarted,
    InProgress,
    Done,
    Blocked,
    Dropped,
}

/// <summary>
/// One action (بند) of an action plan within a track: who owns it, when it is due, where it
/// stands, and the dated progress reported by either side.
/// </summary>
public sealed class ActionItem : BodyRecord
{
    /// <summary>The statuses reachable in one move from <paramref name="status"/> (static, so queries can project it).</summary>
    public static IReadOnlyList<ActionItemStatus> NextStatusesOf(ActionItemStatus status) => Lifecycle.NextOf(status);

    public static readonly StatusMachine<ActionItemStatus> Lifecycle = new(new()
    {
        [ActionItemStatus.NotStarted] = [ActionItemStatus.InProgress, ActionItemStatus.Blocked, ActionItemStatus.Done, ActionItemStatus.Dropped],
        [ActionItemStatus.InProgress] = [ActionItemStatus.NotStarted, ActionItemStatus.Blocked, ActionItemStatus.Done, ActionItemStatus.Dropped],
        [ActionItemStatus.Blocked] = [ActionItemStatus.InProgress, ActionItemStatus.NotStarted, ActionItemStatus.Dropped],
        [ActionItemStatus.Done] = [ActionItemStatus.InProgress],
        [ActionItemStatus.Dropped] = [ActionItemStatus.NotStarted],
    });

    public Guid? ActionPlanId { get; set; }

    public Guid TrackId { get; set; }

    public required BilingualText Title { get; set; }

    public BilingualText? Description { get; set; }

    public DateOnly? DueOn { get; set; }

    public ActionItemStatus Status { get; private set; } = ActionItemStatus.NotStarted;

    public List<ActionItemOwner> Owners { get; set; } = [];

    /// <summary>The people who answer for the item, beside the institutions that own it: what "assigned to me" and a person's workload read.</summary>
    public List<ActionItemAssignee> Assignees { get; set; } = [];

    public const int MaxAssignees = 12;

    public List<ActionItemAgreement> Agreements { get; set; } = [];

    public List<ProgressUpdate> Updates { get; set; } = [];

    /// <summary>The item of an earlier session's plan this one carries forward, when it does.</summary>
    public Guid? CarriedFromId { get; set; }

    /// <summary>Open items (not started, in progress, blocked) go forward to the next session; done and dropped ones stay behind.</summary>
    public bool IsOpen => Status is ActionItemStatus.NotStarted or ActionItemStatus.InProgress or ActionItemStatus.Blocked;

    /// <summary>
    /// A copy of this open item for the plan of the next session (<paramref name="planId"/>): same
    /// track, text, due date, owners, agreements, visibility and status, linked back to this one.
    /// Its progress reports stay with this item.
    /// </summary>
    public ActionItem CarryForward(Guid planId)
    {
        var copy = new ActionItem
        {
            JointBodyId = JointBodyId,
            ActionPlanId = planId,
            TrackId = TrackId,
            Title = Title,
            Description = Description,
            DueOn = DueOn,
            CarriedFromId = Id,
        };
        copy.Owners = [.. Owners.Select(o => new ActionItemOwner { ActionItemId = copy.Id, InstitutionId = o.InstitutionId, PartyId = o.PartyId })];
        copy.Agreements = [.. Agreements.Select(a => new ActionItemAgreement { ActionItemId = copy.Id, AgreementId = a.AgreementId })];
        copy.Assignees = [.. Assignees.Select(a => new ActionItemAssignee { ActionItemId = copy.Id, PersonId = a.PersonId, PartyId = a.PartyId })];
        copy.SetVisibility(Visibility, OwnerPartyId);
        if (Status != ActionItemStatus.NotStarted)
        {
            copy.ChangeStatus(Status);
        }

        return copy;
    }

    public void ChangeStatus(ActionItemStatus to)
    {
        Lifecycle.EnsureCanMove(Status, to);
        Status = to;
    }

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in Description?.Check("description", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        if (DueOn is { Year: < 1900 or > 2200 })
        {
            yield return new RuleError(RuleCodes.OutOfRange, "dueOn", "The due date must fall between 1900 and 2200.", 1900, 2200);
        }

        if (Owners.Select(o => o.InstitutionId).Distinct().Count() != Owners.Count)
        {
            yield return new RuleError(RuleCodes.Duplicate, "ownerInstitutionIds", "An owner institution is named twice.");
        }

        if (Assignees.Select(a => a.PersonId).Distinct().Count() != Assignees.Count)
        {
            yield return new RuleError(RuleCodes.Duplicate, "assigneePersonIds", "A person is assigned twice.");
        }

        if (Assignees.Count > MaxAssignees)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "assigneePersonIds", $"An item is assigned to at most {MaxAssignees} people.", 0, MaxAssignees);
        }
    }
}

/// <summary>An institution that owns an action item.</summary>
public sealed class ActionItemOwner
{
    public Guid ActionItemId { get; set; }

    public Guid InstitutionId { get; set; }

    /// <summary>The party of the institution, kept for filtering by party.</summary>
    public Guid PartyId { get; set; }
}

/// <summary>A person who answers for an action item, with the party the person works for (kept for filtering by party).</summary>
public sealed class ActionItemAssignee
{
    public Guid ActionItemId { get; set; }

    public Guid PersonId { get; set; }

    public Guid PartyId { get; set; }
}

/// <summary>A link from an action item to an agreement it implements.</summary>
public sealed class ActionItemAgreement
{
    public Guid ActionItemId { get; set; }

    public Guid AgreementId { get; set; }
}

/// <summary>A dated report of progress on an action item by one side.</summary>
public sealed class ProgressUpdate
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid ActionItemId { get; set; }

    /// <summary>The side that reports.</summary>
    public Guid PartyId { get; set; }

    public DateOnly On { get; set; }

    public required BilingualText Text { get; set; }

    /// <summary>Estimated completion, 0 to 100, when the side gives one.</summary>
    public int? PercentComplete { get; set; }

    public DateTime CreatedAt { get; set; }

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Text.Check("text", BilingualText.MaxProseLength))
        {
            yield return e;
        }

        if (PercentComplete is < 0 or > 100)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "percentComplete", "Percent complete is between 0 and 100.", 0, 100);
        }
    }
}
