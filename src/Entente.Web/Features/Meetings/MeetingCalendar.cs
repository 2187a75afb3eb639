using System.Globalization;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Entente.Web.Features.Meetings;

/// <summary>
/// A meeting as an iCalendar file (RFC 5545, with Ical.Net): an event at the meeting's time in its
/// place's zone, or all day when only its day is known; its SEQUENCE follows the meeting's version so
/// that a calendar takes a changed meeting as an update of the same UID; titled and placed in both languages, its chairs as CHAIR attendees and the other
/// participants as required ones. People are named by their ids (urn:uuid), having no addresses here.
/// </summary>
public sealed class MeetingCalendar(MeetingsHandler meetings)
{
    public const string MediaType = "text/calendar";

    public async Task<(string Calendar, string FileName)> ExportAsync(Guid id, CancellationToken ct)
    {
        var meeting = await meetings.GetAsync(id, ct);
        if (meeting.Date is not { Year: { } year, Month: { } month, Day: { } day })
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Required, "date", "A meeting goes into a calendar once its day is known.")]));
        }

        var start = new DateOnly(year, month, day);
        var timed = meeting.StartsAt is not null && meeting.TimeZone is not null;
        var calendarEvent = new CalendarEvent
        {
            Uid = meeting.Id.ToString("D") + "@entente",
            Summary = Both(meeting.Title),
            // A meeting with its time of day is an event in its place's zone (TZID, with the zone's VTIMEZONE); one
            // without is a whole day. A meeting with a start and no end is given an hour.
            DtStart = timed ? new CalDateTime(start.ToDateTime(meeting.StartsAt!.Value), meeting.TimeZone) : new CalDateTime(start),
            DtEnd = timed
                ? new CalDateTime(meeting.EndsAt is { } ends ? start.ToDateTime(ends) : start.ToDateTime(meeting.StartsAt!.Value).AddHours(1), meeting.TimeZone)
                : new CalDateTime(start.AddDays(1)),
            Sequence = (int)Math.Min(int.MaxValue, meeting.Version - 1),
            Location = meeting.Place is null ? null : Both(meeting.Place),
            Description = meeting.Agenda is null ? null : meeting.Agenda.En + "\n\n" + meeting.Agenda.Ar,
        };
        foreach (var person in meeting.Participants)
        {
            calendarEvent.Attendees.Add(Attendee(person));
        }

        var calendar = new Ical.Net.Calendar();
        if (timed)
        {
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(meeting.TimeZone!));
        }

        calendar.Events.Add(calendarEvent);
        var file = string.Create(CultureInfo.InvariantCulture, $"meeting-{start:yyyy-MM-dd}.ics");
        return (new CalendarSerializer().SerializeToString(calendar) ?? string.Empty, file);
    }

    private static Attendee Attendee(PersonRoleResponse person) => new($"urn:uuid:{person.PersonId:D}")
    {
        CommonName = Both(person.Name),
        Role = string.Equals(person.Role, "chair", StringComparison.OrdinalIgnoreCase) ? "CHAIR" : "REQ-PARTICIPANT",
    };

    /// <summary>English then Arabic: calendar programs show one line.</summary>
    private static string Both(TextDto text) => $"{text.En} — {text.Ar}";
}
