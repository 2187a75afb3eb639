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
