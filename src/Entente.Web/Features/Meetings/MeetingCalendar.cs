using System.Globalization;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Entente.Web.Features.Meetings;

/// <summary>
/// A meeting as an iCalendar file (RFC 5545, with Ical.Net): an all-day event on the meeting's
/// day, titled and placed in both languages, its chairs as CHAIR attendees and the other
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
        var calendarEvent = new CalendarEvent
        {
            Uid = meeting.Id.ToString("D") + "@entente",
            Summary = Both(meeting.Title),
            DtStart = new CalDateTime(start),
            DtEnd = new CalDateTime(start.AddDays(1)),
            Location = meeting.Place is null ? null : Both(meeting.Place),
            Description = meeting.Agenda is null ? null : meeting.Agenda.En + "\n\n" + meeting.Agenda.Ar,
        };
        foreach (var person in meeting.Participants)
        {
            calendarEvent.Attendees.Add(Attendee(person));
        }

        var calendar = new Ical.Net.Calendar();
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
