namespace Entente.Domain;

/// <summary>The kind of a joint body.</summary>
public enum JointBodyKind
{
    /// <summary>مجموعة التوجيه المشتركة.</summary>
    JointSteeringGroup,

    /// <summary>اللجنة المشتركة.</summary>
    JointCommittee,

    /// <summary>الحوار الاستراتيجي.</summary>
    StrategicDialogue,

    /// <summary>فريق العمل المشترك.</summary>
    WorkingGroup,
}

/// <summary>
/// An intergovernmental joint body through which two or more parties run their cooperation.
/// A body may be renamed or change kind; its former names are kept and its session numbering
/// carries on.
/// </summary>
public sealed class JointBody : Entity
{
    public JointBodyKind Kind { get; set; }

    public required BilingualText Name { get; set; }

    public PartialDate? Established { get; set; }

    /// <summary>The history of the relationship in a sentence or two ("relations of more than 121 years").</summary>
    public BilingualText? HistoryNote { get; set; }

    /// <summary>The year the relationship itself dates from (1899 for Kuwait and the United Kingdom).</summary>
    public int? RelationsSince { get; set; }

    public List<JointBodyMember> Members { get; set; } = [];

    /// <summary>Former names and kinds, oldest first.</summary>
    public List<JointBodyFormerName> FormerNames { get; set; } = [];

    /// <summary>Renames the body or changes its kind, keeping the former name and kind in its history.</summary>
    /// <param name="kind">The new kind.</param>
    /// <param name="name">The new name.</param>
    /// <param name="effective">When the change took effect, if known.</param>
    public void Rename(JointBodyKind kind, BilingualText name, PartialDate? effective)
    {
        if (kind == Kind && name == Name)
        {
            return;
        }

        FormerNames.Add(new JointBodyFormerName { JointBodyId = Id, Kind = Kind, Name = Name, Until = effective });
        Kind = kind;
        Name = name;
    }

    /// <summary>Checks the body has at least two distinct parties and a real establishment date.</summary>
    public IEnumerable<RuleError> CheckMembers()
    {
        foreach (var e in Established?.Check("established") ?? [])
        {
            yield return e;
        }

        if (Members.Select(m => m.PartyId).Distinct().Count() < 2)
        {
            yield return new RuleError(RuleCodes.TooFewParties, "partyIds", "A joint body has at least two distinct parties.", 2);
        }
    }
}

/// <summary>A party's membership of a joint body.</summary>
public sealed class JointBodyMember
{
    public Guid JointBodyId { get; set; }

    public Guid PartyId { get; set; }

    /// <summary>
    /// Where the body names this party among its parties (0 first, as in "Kuwait–UK"): statements
    /// and documents list parties, co-chairs and signatories in this order.
    /// </summary>
    public int Precedence { get; set; }
}

/// <summary>A name (and kind) a joint body held before it was renamed.</summary>
public sealed class JointBodyFormerName
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid JointBodyId { get; set; }

    public JointBodyKind Kind { get; set; }

    public required BilingualText Name { get; set; }

    /// <summary>When the body stopped bearing this name, if known.</summary>
    public PartialDate? Until { get; set; }
}
