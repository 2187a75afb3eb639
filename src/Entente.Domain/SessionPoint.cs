namespace Entente.Domain;

/// <summary>What a session did with a point: the verb a release uses for it.</summary>
public enum PointKind
{
    /// <summary>بحث / تناول: the point was discussed.</summary>
    Discussed,

    /// <summary>استعرض: the point was reviewed (progress, reports).</summary>
    Reviewed,

    /// <summary>اتفق على: a commitment agreed.</summary>
    Agreed,

    /// <summary>قرر: a decision taken.</summary>
    Decided,

    /// <summary>أكد: affirmed ("the British side affirmed…").</summary>
    Affirmed,

    /// <summary>رحب بـ: welcomed.</summary>
    Welcomed,

    /// <summary>أشار إلى / أحاط علما: noted.</summary>
    Noted,

    /// <summary>أشاد بـ: praised, commended.</summary>
    Praised,

    /// <summary>أعرب عن تطلعه إلى: looked forward to, expressed an interest in.</summary>
    LookedForward,
}

/// <summary>
/// One thing a session itself said or did (نقطة): a point discussed, a commitment agreed, a
/// decision, something welcomed, noted or praised, under a track or for the whole session, by
/// both sides or by one of them, linked to the items, obstacles and agreements it concerns and,
/// when it came out of the minutes, to the agenda item whose minutes record it. A session's
/// statement tells these, not the track's standing description.
/// </summary>
public sealed class SessionPoint : BodyRecord
{
    public const int MaxLinks = 50;

    public Guid SessionId { get; set; }

    /// <summary>The track the point belongs to; none for a point of the whole session.</summary>
    public Guid? TrackId { get; set; }

    /// <summary>The agenda item whose minutes record the point.</summary>
    public Guid? AgendaItemId { get; set; }

    public PointKind Kind { get; set; }

    /// <summary>The side that said it; none when both sides did ("the two sides agreed…").</summary>
    public Guid? SaidByPartyId { get; set; }

    /// <summary>
    /// The point as a phrase that follows the verb of <see cref="Kind"/> («تفعيل كافة الاتفاقيات…»,
    /// "activating all the agreements…").
    /// </summary>
    public required BilingualText Text { get; set; }

    /// <summary>The order of the point among the session's points of its track (0 first).</summary>
    public int Position { get; set; }

    /// <summary>The records the point concerns.</summary>
    public List<SessionPointLink> Links { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Text.Check("text", BilingualText.MaxProseLength))
        {
            yield return e;
        }

        if (Position is < 0 or > 10_000)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "position", "The position is between 0 and 10000.", 0, 10_000);
        }

        if (Links.Count > MaxLinks)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "links", $"A point links at most {MaxLinks} records.", MaxLinks);
        }
    }
}

/// <summary>A record a session point concerns: an action item, an obstacle or an agreement.</summary>
public sealed class SessionPointLink
{
    public Guid SessionPointId { get; set; }

    public RecordType RecordType { get; set; }

    public Guid RecordId { get; set; }
}
