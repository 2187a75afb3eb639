using System.Net;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Meetings;

namespace Entente.IntegrationTests.Api;

/// <summary>Meetings as iCalendar files, read back with Ical.Net as a calendar program would.</summary>
public abstract class MeetingCalendarTests(EntenteApp app)
{
    [Fact]
    public async Task Calendar_OfTheClosingMeeting_IsAnAllDayEventWithTheCoChairsAsChairs()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var meetings = await client.ListAsync<MeetingResponse>($"/api/meetings?jointBodyId={reference.Body.Id}");
        var closing = meetings.Single(m => m.Kind == Entente.Domain.MeetingKind.Closing && m.Date?.Day is not null && m.Participants.Count > 0);

        using var response = await client.GetAsync($"/api/meetings/{closing.Id}/calendar", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(text)!;
        var meeting = Assert.Single(calendar.Events);
        Assert.Equal(new DateOnly(closing.Date!.Year!.Value, closing.Date.Month!.Value, closing.Date.Day!.Value), DateOnly.FromDateTime(meeting.DtStart!.Value));
        Assert.False(meeting.DtStart.HasTime);
        Assert.Contains(closing.Title.En!, meeting.Summary, StringComparison.Ordinal);
        Assert.Contains(closing.Title.Ar!, meeting.Summary, StringComparison.Ordinal);
        // Ical.Net reads attendees only as e-mail addresses; people here have none, so their
        // (RFC 5545-valid) urn:uuid addresses are read as plain properties with their parameters.
        var attendees = meeting.Properties.Where(p => p.Name == "ATTENDEE").ToList();
        Assert.Equal(closing.Participants.Count, attendees.Count);
        var chairs = attendees.Where(a => a.Parameters.Get("ROLE") == "CHAIR").Select(a => a.Parameters.Get("CN")).ToList();
        Assert.Equal(closing.Participants.Count(p => p.Role == "chair"), chairs.Count);
        Assert.All(closing.Participants.Where(p => p.Role == "chair"), p => Assert.Contains(chairs, c => c!.Contains(p.Name.En!, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Calendar_OfAMeetingWithoutItsDay_IsRefusedNamingTheDate()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var undated = await client.CreateAsync<MeetingResponse>("/api/meetings", new
        {
            sessionId = reference.Session17.Id,
            kind = "preparatory",
            format = "video-conference",
            title = new { ar = "اجتماع تحضيري", en = "Preparatory meeting" },
            date = new { year = 2027, month = 3 },
        });

        using var response = await client.GetAsync($"/api/meetings/{undated.Id}/calendar", TestContext.Current.CancellationToken);

        Assert.Equal("date", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeetingCalendarTestsOnSqlite(SqliteApp app) : MeetingCalendarTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MeetingCalendarTestsOnPostgres(PostgresApp app) : MeetingCalendarTests(app);
