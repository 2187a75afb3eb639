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

/// <summary>The grammatical gender of a body's kind in Arabic, which the verbs and pronouns about it follow.</summary>
public enum ArabicGender
{
    /// <summary>مجموعة، لجنة: «اختتمت … دورتها».</summary>
    Feminine,

    /// <summary>حوار، فريق، مجلس: «اختتم … دورته».</summary>
    Masculine,
}

/// <summary>How often a body meets, as its founding text says.</summary>
public enum SessionFrequency
{
    Annual,
    TwiceYearly,
    EveryTwoYears,

    /// <summary>When the parties agree; no fixed rhythm.</summary>
    AsAgreed,
}

/// <summary>What the kinds of body are called, and the gender their Arabic noun has.</summary>
public static class JointBodyKinds
{
    /// <summary>The gender of the head noun of <paramref name="kind"/>'s usual Arabic name (مجموعة، لجنة feminine; حوار، فريق masculine).</summary>
    public static ArabicGender GenderOf(JointBodyKind kind) => kind switch
    {
        JointBodyKind.StrategicDialogue or JointBodyKind.WorkingGroup => ArabicGender.Masculine,
        _ => ArabicGender.Feminine,
    };
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

    /// <summary>
    /// The gender the body's Arabic name takes, when it differs from its kind's usual noun (a
    /// working group named «لجنة العمل» is feminine); null follows <see cref="JointBodyKinds.GenderOf"/>.
    /// </summary>
    public ArabicGender? ArabicGender { get; set; }

    /// <summary>How often the body meets, when its founding text says.</summary>
    public SessionFrequency? Frequency { get; set; }

    /// <summary>The gender the body's current Arabic name takes.</summary>
    public ArabicGender Gender => ArabicGender ?? JointBodyKinds.GenderOf(Kind);

    public List<JointBodyMember> Members { get; set; } = [];

    /// <summary>
    /// Other names the body goes by in one language («لجنة التوجيه المشتركة» beside «مجموعة
    /// التوجيه المشتركة»), with the period each was used when known: found by search and by import,
    /// never shown in place of the name.
    /// </summary>
    public List<JointBodyNameVariant> NameVariants { get; set; } = [];

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

        // The former name keeps the gender it took (a change of the gender comes with the new name, after this).
        FormerNames.Add(new JointBodyFormerName { JointBodyId = Id, Kind = Kind, Name = Name, Until = effective, ArabicGender = ArabicGender });
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

        for (var i = 0; i < NameVariants.Count; i++)
        {
            foreach (var e in NameVariants[i].Check($"nameVariants[{i}]"))
            {
                yield return e;
            }

            if (NameVariants.Take(i).Any(v => v.Language == NameVariants[i].Language && string.Equals(v.Text, NameVariants[i].Text, StringComparison.OrdinalIgnoreCase)))
            {
                yield return new RuleError(RuleCodes.Duplicate, $"nameVariants[{i}].text", "The same name is given twice.");
            }
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

    /// <summary>The gender this Arabic name took when it was not its kind's noun's («المجلس» of a joint committee); null follows the kind.</summary>
    public ArabicGender? ArabicGender { get; set; }

    /// <summary>The gender the former Arabic name takes.</summary>
    public ArabicGender Gender => ArabicGender ?? JointBodyKinds.GenderOf(Kind);
}

/// <summary>Another name of a body in one language, and when it was used if known.</summary>
public sealed class JointBodyNameVariant
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid JointBodyId { get; set; }

    /// <summary><c>ar</c> or <c>en</c>.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    public PartialDate? From { get; set; }

    public PartialDate? Until { get; set; }

    public IEnumerable<RuleError> Check(string field)
    {
        if (Language is not ("ar" or "en"))
        {
            yield return new RuleError(RuleCodes.OutOfRange, $"{field}.language", $"'{field}.language' is 'ar' or 'en'.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            yield return new RuleError(RuleCodes.Required, $"{field}.text", $"'{field}.text' is required.");
        }
        else if (Text.Length > BilingualText.MaxTitleLength)
        {
            yield return new RuleError(RuleCodes.TooLong, $"{field}.text", $"'{field}.text' is at most {BilingualText.MaxTitleLength} characters.", BilingualText.MaxTitleLength);
        }
        else
        {
            foreach (var e in TextRules.Check(Text, $"{field}.text"))
            {
                yield return e;
            }
        }

        foreach (var e in From?.Check($"{field}.from") ?? [])
        {
            yield return e;
        }

        foreach (var e in Until?.Check($"{field}.until") ?? [])
        {
            yield return e;
        }

        if (From is not null && Until is not null && PartialDate.Compare(From, Until) > 0)
        {
            yield return new RuleError(RuleCodes.EndBeforeStart, $"{field}.until", "A name cannot stop being used before it started.");
        }
    }
}
