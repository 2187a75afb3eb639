namespace Entente.Domain;

/// <summary>What kind of source a fact cites.</summary>
public enum SourceKind
{
    PressRelease,
    Minutes,
    NoteVerbale,
    JointStatement,
    Report,
    Other,
}

/// <summary>A source facts can cite: a press release, a minute, a note verbale.</summary>
public sealed class Source : Entity
{
    public Guid? JointBodyId { get; set; }

    public SourceKind Kind { get; set; }

    public required BilingualText Title { get; set; }

    /// <summary>Who issued it (a news agency, a ministry).</summary>
    public string? Publisher { get; set; }

    public PartialDate? PublishedOn { get; set; }

    /// <summary>The language the source is written in.</summary>
    public required string Language { get; set; }

    public string? Url { get; set; }

    /// <summary>Whose words it is, when named: a correspondent, a spokesperson ("From Ahmad Said, KUNA").</summary>
    public string? Byline { get; set; }

    /// <summary>
    /// Whether the source speaks for a party (a ministry's release, signed minutes) or reports on it
    /// (a news agency, a newspaper); null when not known.
    /// </summary>
    public bool? IsOfficial { get; set; }

    /// <summary>The source this one translates (the English release of an Arabic one), when it is a translation.</summary>
    public Guid? TranslationOfId { get; set; }

    /// <summary>The text as kept is cut short (a page cut off, an excerpt): its silences prove nothing.</summary>
    public bool IsTruncated { get; set; }
}

/// <summary>
/// What one source says about one field of one record. When two sources disagree both claims
/// are kept, each with its source; the record holds the value the secretariat adopted.
/// </summary>
public sealed class Claim : Entity, IHasVisibility
{
    public Guid? JointBodyId { get; set; }

    public RecordType RecordType { get; set; }

    public Guid RecordId { get; set; }

    /// <summary>The field the claim is about, as a JSON path of the record (<c>startsOn</c>), or empty for the record as a whole.</summary>
    public required string Field { get; set; }

    /// <summary>The value the source gives, in the field's API form; empty when <see cref="IsSilence"/>.</summary>
    public required string Value { get; set; }

    /// <summary>
    /// The source says nothing of the record or field ("this release does not mention an action
    /// plan"): a claim of silence has no value, and never disputes one.
    /// </summary>
    public bool IsSilence { get; set; }

    public Guid SourceId { get; set; }

    /// <summary>The words of the source that say it.</summary>
    public string? Quote { get; set; }

    /// <summary>
    /// The visibility of the record the claim is about: a claim about a national record is national
    /// too, and follows the record when the record is shared (the data layer keeps the two equal).
    /// </summary>
    public Visibility Visibility { get; set; } = Visibility.Joint;

    public Guid? OwnerPartyId { get; set; }
}
