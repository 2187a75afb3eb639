namespace Entente.Domain;

/// <summary>Where a session or meeting takes place.</summary>
public enum PlaceKind
{
    /// <summary>A named city (<see cref="Session.PlaceName"/>).</summary>
    City,

    /// <summary>Held online only.</summary>
    Virtual,

    /// <summary>"In one of the two capitals": agreed in principle, not yet chosen.</summary>
    OneOfTheCapitals,

    /// <summary>Not yet decided.</summary>
    ToBeDecided,
}

/// <summary>Lifecycle of a session.</summary>
public enum SessionStatus
{
    Planned,
    Open,
    Concluded,
}

/// <summary>
/// A numbered session (الدورة) of a joint body. A concluded session is closed for edits; it can
/// be reopened only explicitly, with a reason that is kept.
/// </summary>
public sealed class Session : Entity
{
    public static readonly StatusMachine<SessionStatus> Lifecycle = new(new()
    {
        [SessionStatus.Planned] = [SessionStatus.Open, SessionStatus.Concluded],
        [SessionStatus.Open] = [SessionStatus.Planned, SessionStatus.Concluded],
        [SessionStatus.Concluded] = [SessionStatus.Open],
    });

    public Guid JointBodyId { get; set; }

    /// <summary>The number within the body (16 for the 16th session), unchanged by renames.</summary>
    public int Number { get; set; }

    /// <summary>The year the session is counted under ("the 16th session of 2020").</summary>
    public int? Year { get; set; }

    /// <summary>The year was inferred (from a release's date, from the sessions around it) rather than stated by a source.</summary>
    public bool YearInferred { get; set; }

    /// <summary>The period of the session's work as stated (for the 16th: 31 July to 1 September).</summary>
    public PartialDate? StartsOn { get; set; }

    public PartialDate? EndsOn { get; set; }

    public PlaceKind PlaceKind { get; set; } = PlaceKind.ToBeDecided;

    public BilingualText? PlaceName { get; set; }

    /// <summary>The party that hosts the session, when one does (none for a session by video conference).</summary>
    public Guid? HostPartyId { get; set; }

    /// <summary>The theme the session was held under, when it had one ("Partnership for the next decade").</summary>
    public BilingualText? Theme { get; set; }

    public SessionStatus Status { get; private set; } = SessionStatus.Planned;

    /// <summary>Why the session was last reopened after being concluded.</summary>
    public string? ReopenReason { get; private set; }

    public List<SessionCoChair> CoChairs { get; set; } = [];

    /// <summary>
    /// Where this session decided the next one would meet ("in one of the two capitals"), when it
    /// decided it; the statement of this session says this, whatever the next session became.
    /// </summary>
    public PlaceKind? NextPlaceKind { get; set; }

    /// <summary>The place (or the two capitals) of the next session, as this session decided it.</summary>
    public BilingualText? NextPlaceName { get; set; }

    /// <summary>When this session decided the next one would meet, if it said.</summary>
    public PartialDate? NextStartsOn { get; set; }

    /// <summary>True when records of the session may be edited.</summary>
    public bool IsOpenForEdits => Status != SessionStatus.Concluded;

    /// <summary>Moves the session to <paramref name="to"/>; reopening a concluded session needs a reason.</summary>
    public void ChangeStatus(SessionStatus to, string? reopenReason = null)
    {
        Lifecycle.EnsureCanMove(Status, to);
        if (Status == SessionStatus.Concluded && to != SessionStatus.Concluded)
        {
            if (string.IsNullOrWhiteSpace(reopenReason))
            {
                throw new DomainRuleException(new RuleError(RuleCodes.ReasonRequired, "reopenReason", "Reopening a concluded session needs a reason."));
            }

            ReopenReason = reopenReason.Trim();
        }

        Status = to;
    }

    /// <summary>Checks the session's own fields.</summary>
    public IEnumerable<RuleError> Check()
    {
        if (Number < 1)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "number", "A session number starts at 1.", 1);
        }

        if (Year is < 1900 or > 2200)
        {
            yield return new RuleError(RuleCodes.OutOfRange, "year", "The year must be between 1900 and 2200.", 1900, 2200);
        }

        if (YearInferred && Year is null)
        {
            yield return new RuleError(RuleCodes.Required, "year", "'yearInferred' marks a year: give the year it marks.");
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
            yield return new RuleError(RuleCodes.EndBeforeStart, "endsOn", "The session cannot end before it starts.");
        }

        if (PlaceKind == PlaceKind.City && PlaceName is null)
        {
            yield return new RuleError(RuleCodes.Required, "placeName", "A session held in a city needs the city's name.");
        }

        foreach (var e in PlaceName?.Check("placeName") ?? [])
        {
            yield return e;
        }

        if (NextPlaceKind == PlaceKind.City && NextPlaceName is null)
        {
            yield return new RuleError(RuleCodes.Required, "nextPlaceName", "A next session decided for a city needs the city's name.");
        }

        if (NextPlaceKind is null && (NextPlaceName is not null || NextStartsOn is not null))
        {
            yield return new RuleError(RuleCodes.Required, "nextPlaceKind", "A decision on the next session says where it meets (to-be-decided when it did not).");
        }

        foreach (var e in NextPlaceName?.Check("nextPlaceName") ?? [])
        {
            yield return e;
        }

        foreach (var e in NextStartsOn?.Check("nextStartsOn") ?? [])
        {
            yield return e;
        }

        if (CoChairs.GroupBy(c => c.PartyId).Any(g => g.Count() > 1))
        {
            yield return new RuleError(RuleCodes.Duplicate, "coChairs", "A session has one co-chair per party.");
        }

        for (var i = 0; i < CoChairs.Count; i++)
        {
            foreach (var e in CoChairs[i].Title.Check($"coChairs[{i}].title"))
            {
                yield return e;
            }
        }
    }
}

/// <summary>The co-chair of a session for one party.</summary>
public sealed class SessionCoChair : PersonInRole
{
    public Guid SessionId { get; set; }
}
