namespace Entente.Domain;

/// <summary>What kind of engagement.</summary>
public enum EngagementKind
{
    /// <summary>ورشة عمل.</summary>
    Workshop,
    Visit,
    Training,
    ScholarshipProgramme,
    Conference,
    ExpertExchange,

    /// <summary>A kind the list does not name (a trade event, a cultural week): <see cref="Engagement.KindLabel"/> says what.</summary>
    Other,
}

/// <summary>How an engagement is held.</summary>
public enum EngagementFormat
{
    InPerson,
    Virtual,
    Hybrid,
}

/// <summary>Where an engagement stands.</summary>
public enum EngagementStatus
{
    Proposed,
    Planned,
    Held,
    Ongoing,
    Cancelled,
}

/// <summary>A workshop, visit, training or scholarship programme run under a track.</summary>
public sealed class Engagement : BodyRecord
{
    public Guid? TrackId { get; set; }

    public Guid? SessionId { get; set; }

    public EngagementKind Kind { get; set; }

    /// <summary>What the engagement is when its kind is <see cref="EngagementKind.Other"/> ("trade mission", «أسبوع ثقافي»); absent otherwise.</summary>
    public BilingualText? KindLabel { get; set; }

    /// <summary>How it is held; null when not known (never assumed in person).</summary>
    public EngagementFormat? Format { get; set; }

    public EngagementStatus Status { get; set; } = EngagementStatus.Proposed;

    public required BilingualText Title { get; set; }

    public BilingualText? Description { get; set; }

    /// <summary>Where it is held (a city, an institution); empty for a virtual engagement.</summary>
    public BilingualText? Place { get; set; }

    public PartialDate? StartsOn { get; set; }

    public PartialDate? EndsOn { get; set; }

    /// <summary>The institutions that organise it.</summary>
    public List<EngagementOrganiser> Organisers { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in OpenKinds.Check(Kind == EngagementKind.Other, KindLabel))
        {
            yield return e;
        }

        foreach (var e in KindLabel?.Check("kindLabel", 200) ?? [])
        {
            yield return e;
        }

        foreach (var e in Description?.Check("description", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        foreach (var e in Place?.Check("place") ?? [])
        {
            yield return e;
        }

        foreach (var e in StartsOn?.Check("startsOn") ?? [])
        {
            yield return e;
        }

        foreach (var e in EndsOn?.Check("endsOn") ?? [])
        {
            yield return e;
        }

        if (StartsOn is not null && EndsOn is not null && PartialDate.Compare(StartsOn, EndsOn) > 0)
        {
            yield return new RuleError(RuleCodes.EndBeforeStart, "endsOn", "An engagement cannot end before it starts.");
        }
    }
}

/// <summary>An institution organising an engagement.</summary>
public sealed class EngagementOrganiser
{
    public Guid EngagementId { get; set; }

    public Guid InstitutionId { get; set; }
}
