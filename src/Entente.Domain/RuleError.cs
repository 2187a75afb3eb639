namespace Entente.Domain;

/// <summary>What kind of rule a code names, which decides how it is answered; a code says its own with <see cref="RuleKindAttribute"/>.</summary>
public enum RuleKinds
{
    /// <summary>A rule about the record and its relations (the default).</summary>
    Relation,

    /// <summary>The value's own shape: missing, too long, out of range, not a date.</summary>
    Shape,

    /// <summary>A step the record's lifecycle does not allow now.</summary>
    Lifecycle,

    /// <summary>A file of a type that is not accepted.</summary>
    MediaType,

    /// <summary>A file over the size accepted.</summary>
    TooLarge,
}

/// <summary>Marks a rule code with its <see cref="RuleKinds"/>.</summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class RuleKindAttribute(RuleKinds kind) : Attribute
{
    public RuleKinds Kind => kind;
}

/// <summary>Stable codes of the rules the domain enforces; clients may switch on them.</summary>
public static class RuleCodes
{
    private static readonly Dictionary<string, RuleKinds> Kinds = typeof(RuleCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.GetCustomAttributes(typeof(RuleKindAttribute), false).OfType<RuleKindAttribute>().FirstOrDefault()?.Kind ?? RuleKinds.Relation, StringComparer.Ordinal);

    /// <summary>The kind of rule a code names; a code not declared here is a <see cref="RuleKinds.Relation"/>.</summary>
    public static RuleKinds KindOf(string code) => Kinds.GetValueOrDefault(code, RuleKinds.Relation);

    [RuleKind(RuleKinds.Shape)]
    public const string Required = "required";
    [RuleKind(RuleKinds.Shape)]
    public const string TooLong = "too-long";
    [RuleKind(RuleKinds.Shape)]
    public const string InvalidText = "invalid-text";
    [RuleKind(RuleKinds.Shape)]
    public const string OutOfRange = "out-of-range";
    [RuleKind(RuleKinds.Shape)]
    public const string InvalidDate = "invalid-date";

    /// <summary>A search whose text holds no word to search for (punctuation, or only words too common to search).</summary>
    [RuleKind(RuleKinds.Shape)]
    public const string NoWords = "no-words";

    /// <summary>A name of a field the record does not have (a claim about "colour" of a session).</summary>
    [RuleKind(RuleKinds.Shape)]
    public const string UnknownField = "unknown-field";
    public const string EndBeforeStart = "end-before-start";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string IllegalTransition = "illegal-transition";
    public const string ReasonRequired = "reason-required";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string SessionConcluded = "session-concluded";
    public const string NationalNeedsOwner = "national-needs-owner";
    public const string JointHasNoOwner = "joint-has-no-owner";
    public const string NotAMember = "not-a-member";
    public const string TooFewParties = "too-few-parties";
    public const string Duplicate = "duplicate";
    public const string UnknownReference = "unknown-reference";
    public const string Mismatch = "mismatch";
    public const string Immutable = "immutable";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string PlanLocked = "plan-locked";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string NotConcluded = "not-concluded";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string NotFrozen = "not-frozen";

    /// <summary>A step that publishes or binds met a text written in one language only.</summary>
    [RuleKind(RuleKinds.Lifecycle)]
    public const string TranslationPending = "translation-pending";
    public const string WrongCode = "wrong-code";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string StatementLocked = "statement-locked";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string NotApproved = "not-approved";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string MinutesLocked = "minutes-locked";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string NotProposed = "not-proposed";
    [RuleKind(RuleKinds.Lifecycle)]
    public const string AgendaExists = "agenda-exists";
    [RuleKind(RuleKinds.MediaType)]
    public const string FileType = "file-type";
    public const string Cycle = "cycle";
    public const string NotVerified = "not-verified";
    public const string NothingCarried = "nothing-carried";
    [RuleKind(RuleKinds.TooLarge)]
    public const string FileTooLarge = "file-too-large";

    /// <summary>A joint record names a national one (which the other party could not see), or a national record names another party's.</summary>
    public const string NationalReference = "national-reference";

    /// <summary>A record raised against an action item names another track than the item's.</summary>
    public const string TrackMismatch = "track-mismatch";

    /// <summary>A plan set to signed by a change of status: it is signed by its co-chairs' signatures, or recorded as signed on paper.</summary>
    [RuleKind(RuleKinds.Lifecycle)]
    public const string SignaturesRequired = "signatures-required";

    /// <summary>A joint record made national: once shared, a record stays shared (ADR 0007).</summary>
    public const string StaysJoint = "stays-joint";
}

/// <summary>
/// One broken rule: a stable <see cref="Code"/>, the <see cref="Field"/> it concerns
/// (a JSON path such as <c>title.ar</c>, or empty for the whole record), an English message,
/// and the arguments a translated message needs.
/// </summary>
public sealed record RuleError(string Code, string Field, string Message, params object[] Args);

/// <summary>Thrown by domain operations when a rule is broken; nothing has been changed.</summary>
public sealed class DomainRuleException : Exception
{
    public DomainRuleException(RuleError error)
        : base(error.Message) => Errors = [error];

    public DomainRuleException(IReadOnlyList<RuleError> errors)
        : base(string.Join(" ", errors.Select(e => e.Message))) => Errors = errors;

    /// <summary>The broken rules, at least one.</summary>
    public IReadOnlyList<RuleError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(IEnumerable<RuleError> errors)
    {
        var list = errors.ToList();
        if (list.Count > 0)
        {
            throw new DomainRuleException(list);
        }
    }
}
