namespace Entente.Domain;

/// <summary>The kinds of record a note may be attached to.</summary>
public enum RecordType
{
    JointBody,
    Session,
    Meeting,
    Track,
    Agreement,
    ActionItem,
    Obstacle,
    Indicator,
    Engagement,
    Document,
    ActionPlan,
    Person,

    /// <summary>One value of an indicator (a figure for one period).</summary>
    IndicatorValue,

    /// <summary>A point a session discussed, agreed, decided, welcomed or noted.</summary>
    SessionPoint,

    /// <summary>A source facts cite (a press release, minutes).</summary>
    Source,

    /// <summary>An item of a session's or meeting's agenda, with its minutes.</summary>
    AgendaItem,

    /// <summary>A session's joint statement.</summary>
    JointStatement,
}

/// <summary>
/// Free text on a record. A joint note is seen by every party of the body; a national note
/// (an internal brief) only by its owning party.
/// </summary>
public sealed class Note : BodyRecord
{
    public RecordType TargetType { get; set; }

    public Guid TargetId { get; set; }

    /// <summary>The language the note is written in (<c>ar</c> or <c>en</c>); notes are not bilingual.</summary>
    public required string Language { get; set; }

    public required string Text { get; set; }

    /// <summary>The account that wrote the note; null for notes written before authors were kept, and for the program's own.</summary>
    public Guid? AuthorId { get; set; }

    public const int MaxLength = 20_000;

    public IEnumerable<RuleError> Check()
    {
        if (Language is not ("ar" or "en"))
        {
            yield return new RuleError(RuleCodes.OutOfRange, "language", "A note's language is 'ar' or 'en'.");
        }

        if (string.IsNullOrWhiteSpace(Text))
        {
            yield return new RuleError(RuleCodes.Required, "text", "A note needs its text.");
        }
        else if (Text.Length > MaxLength)
        {
            yield return new RuleError(RuleCodes.TooLong, "text", $"A note is at most {MaxLength} characters.", MaxLength);
        }
        else
        {
            foreach (var error in TextRules.Check(Text, "text"))
            {
                yield return error;
            }
        }
    }
}
