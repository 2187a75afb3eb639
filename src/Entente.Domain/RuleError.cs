namespace Entente.Domain;

/// <summary>Stable codes of the rules the domain enforces; clients may switch on them.</summary>
public static class RuleCodes
{
    public const string Required = "required";
    public const string TooLong = "too-long";
    public const string InvalidText = "invalid-text";
    public const string OutOfRange = "out-of-range";
    public const string InvalidDate = "invalid-date";
    public const string EndBeforeStart = "end-before-start";
    public const string IllegalTransition = "illegal-transition";
    public const string ReasonRequired = "reason-required";
    public const string SessionConcluded = "session-concluded";
    public const string NationalNeedsOwner = "national-needs-owner";
    public const string JointHasNoOwner = "joint-has-no-owner";
    public const string NotAMember = "not-a-member";
    public const string TooFewParties = "too-few-parties";
    public const string Duplicate = "duplicate";
    public const string UnknownReference = "unknown-reference";
    public const string Mismatch = "mismatch";
    public const string Immutable = "immutable";
    public const string PlanLocked = "plan-locked";
    public const string NotConcluded = "not-concluded";
    public const string NotFrozen = "not-frozen";
    public const string WrongCode = "wrong-code";
    public const string StatementLocked = "statement-locked";
    public const string NotApproved = "not-approved";
    public const string MinutesLocked = "minutes-locked";
    public const string NotProposed = "not-proposed";
    public const string AgendaExists = "agenda-exists";
    public const string FileType = "file-type";
    public const string Cycle = "cycle";
    public const string NotVerified = "not-verified";
    public const string NothingCarried = "nothing-carried";
    public const string FileTooLarge = "file-too-large";

    /// <summary>A joint record names a national one (which the other party could not see), or a national record names another party's.</summary>
    public const string NationalReference = "national-reference";

    /// <summary>A record raised against an action item names another track than the item's.</summary>
    public const string TrackMismatch = "track-mismatch";

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
