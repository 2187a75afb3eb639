namespace Entente.Domain;

/// <summary>How a meeting is held.</summary>
public enum MeetingFormat
{
    InPerson,
    VideoConference,
    Hybrid,
}

/// <summary>What a meeting is within its session.</summary>
public enum MeetingKind
{
    Plenary,
    WorkingGroup,
    Closing,
    Preparatory,
}

/// <summary>A person's part in a meeting.</summary>
public enum MeetingRole
{
    Chair,
    Attendee,

    /// <summary>رئيس الوفد: leads a party's delegation without chairing the meeting.</summary>
    HeadOfDelegation,

    /// <summary>عضو الوفد.</summary>
    DelegationMember,

    /// <summary>مراقب: attends for a party or an organisation outside the two.</summary>
    Observer,

    /// <summary>شاهد: witnesses a signature made at the meeting.</summary>
    Witness,
}

/// <summary>A meeting (الاجتماع) held as part of a session.</summary>
public sealed class Meeting : BodyRecord
{
    public Guid SessionId { get; set; }

    public MeetingKind Kind { get; set; }

    public required BilingualText Title { get; set; }

    public PartialDate? Date { get; set; }

    /// <summary>When the meeting begins on its day, as the clocks of <see cref="TimeZone"/> read; null when not known.</summary>
    public TimeOnly? StartsAt { get; set; }

    /// <summary>When it ends on the same day, in the same clock.</summary>
    public TimeOnly? EndsAt { get; set; }

    /// <summary>The IANA time zone the times are in (Asia/Kuwait, Europe/London); required with a time.</summary>
    public string? TimeZone { get; set; }

    /// <summary>How the meeting was held; null when the sources do not say.</summary>
    public MeetingFormat? Format { get; set; }

    public BilingualText? Place { get; set; }

    /// <summary>The agenda as agreed text, until structured agenda items replace it.</summary>
    public BilingualText? Agenda { get; set; }

    public BilingualText? Minutes { get; set; }

    public List<MeetingParticipant> Participants { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in Date?.Check("date") ?? [])
        {
            yield return e;
        }

        if ((StartsAt is not null || EndsAt is not null) && Date is not { Day: not null })
        {
            yield return new RuleError(RuleCodes.Required, "date", "A meeting's time of day needs its whole date.");
        }

        if (EndsAt is not null && StartsAt is null)
        {
            yield return new RuleError(RuleCodes.Required, "startsAt", "A meeting that has an end needs its start.");
        }

        if (StartsAt is { } starts && EndsAt is { } ends && ends <= starts)
        {
            yield return new RuleError(RuleCodes.EndBeforeStart, "endsAt", "A meeting ends after it starts, on the same day.");
        }

        if (StartsAt is not null && TimeZone is null)
        {
            yield return new RuleError(RuleCodes.Required, "timeZone", "A time of day needs the time zone its clocks are in.");
        }

        if (TimeZone is not null && !TimeZones.IsKnown(TimeZone))
        {
            yield return new RuleError(RuleCodes.OutOfRange, "timeZone", "The time zone is an IANA name such as Asia/Kuwait or Europe/London.");
        }
        else if (TimeZone is not null && Date is { Year: var year, Month: { } month, Day: { } day } && DateOnly.TryParseExact($"{year:D4}-{month:D2}-{day:D2}", "yyyy-MM-dd", out var on))
        {
            var zone = TimeZones.Find(TimeZone);
            foreach (var (field, time) in new[] { ("startsAt", StartsAt), ("endsAt", EndsAt) })
            {
                if (time is { } t && zone.IsInvalidTime(on.ToDateTime(t)))
                {
                    yield return new RuleError(RuleCodes.OutOfRange, field, "That time does not exist on that day in that zone: the clocks are put forward over it.");
                }
            }
        }

        foreach (var e in Place?.Check("place") ?? [])
        {
            yield return e;
        }

        foreach (var e in Agenda?.Check("agenda", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        foreach (var e in Minutes?.Check("minutes", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        for (var i = 0; i < Participants.Count; i++)
        {
            foreach (var e in Participants[i].Title.Check($"participants[{i}].title"))
            {
                yield return e;
            }
        }
    }
}

/// <summary>A person at a meeting, as chair or attendee.</summary>
public sealed class MeetingParticipant : PersonInRole
{
    public Guid MeetingId { get; set; }

    public MeetingRole Role { get; set; }
}
