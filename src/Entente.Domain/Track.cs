namespace Entente.Domain;

/// <summary>The field of cooperation a track covers.</summary>
public enum TrackArea
{
    Political,
    Defence,
    Economic,
    Trade,
    Investment,
    Culture,
    Science,
    Security,
    Health,
    Cybersecurity,
    Development,
    Education,
    Other,
}

/// <summary>
/// A cooperation area (مجال التعاون) of a joint body, led by an institution of each party;
/// a track may have sub-topics (aviation security under security).
/// </summary>
public sealed class Track : Entity
{
    public Guid JointBodyId { get; set; }

    /// <summary>The track this one is a sub-topic of.</summary>
    public Guid? ParentTrackId { get; set; }

    public TrackArea Area { get; set; }

    public required BilingualText Name { get; set; }

    public BilingualText? Description { get; set; }

    /// <summary>The lead institution of each party.</summary>
    public List<TrackLead> Leads { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Name.Check("name"))
        {
            yield return e;
        }

        foreach (var e in Description?.Check("description", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        if (ParentTrackId == Id)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "parentTrackId", "A track cannot be its own sub-topic.");
        }
    }
}

/// <summary>The institution leading a track for one party.</summary>
public sealed class TrackLead
{
    public Guid TrackId { get; set; }

    public Guid PartyId { get; set; }

    public Guid InstitutionId { get; set; }
}
