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

/// <summary>A meeting's time of day in its place's zone: stored as typed, refused when it cannot be right, and carried into its calendar file.</summary>
public abstract class MeetingTimeTests(EntenteApp app)
{
    private static object Meeting(Reference reference, object? startsAt, object? endsAt, object? timeZone, object? date = null) => new
    {
        sessionId = reference.Session17.Id,
        kind = "working-group",
        format = "in-person",
        title = new { ar = "اجتماع فريق العمل الصحي", en = "Health working group" },
        date = date ?? new { year = 2027, month = 3, day = 14 },
        startsAt,
        endsAt,
        timeZone,
    };

    [Fact]
    public async Task AMeetingsTime_IsKeptInItsZone_AndItsCalendarEventIsAtThatTime()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);

        var meeting = await client.CreateAsync<MeetingResponse>("/api/meetings", Meeting(reference, "١٠:٠٠", "12:30", "Asia/Kuwait"));
        using var response = await client.GetAsync($"/api/meetings/{meeting.Id}/calendar", TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new TimeOnly(10, 0), meeting.StartsAt);
        Assert.Equal(new TimeOnly(12, 30), meeting.EndsAt);
        Assert.Equal("Asia/Kuwait", meeting.TimeZone);
        Assert.Contains("DTSTART;TZID=Asia/Kuwait:20270314T100000", text, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Asia/Kuwait:20270314T123000", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        var calendarEvent = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);
        // 10:00 in Kuwait (UTC+3, no summer time) is 07:00 UTC.
        Assert.Equal(new DateTime(2027, 3, 14, 7, 0, 0, DateTimeKind.Utc), calendarEvent.DtStart!.AsUtc);
        Assert.Equal(0, calendarEvent.Sequence);
    }

    [Theory]
    [InlineData("14:00", "09:00", "Asia/Kuwait", null, "endsAt", "end-before-start")]
    [InlineData("14:00", null, null, null, "timeZone", "required")]
    [InlineData("14:00", null, "Mars/Olympus", null, "timeZone", "out-of-range")]
    [InlineData("14:00", null, "Arab Standard Time", null, "timeZone", "out-of-range")]
    [InlineData("25:00", null, "Asia/Kuwait", null, "startsAt", "invalid-text")]
    [InlineData("2pm", null, "Asia/Kuwait", null, "startsAt", "invalid-text")]
    [InlineData(null, "11:00", "Asia/Kuwait", null, "startsAt", "required")]
    [InlineData("14:00", null, "Europe/London", 3, "date", "required")]
    public async Task ATimeThatCannotBeRight_IsRefusedNamingTheField_AndNothingIsMade(string? startsAt, string? endsAt, string? zone, int? monthOnly, string field, string code)
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var before = (await client.GetAsync<Entente.Web.Infrastructure.PageOf<MeetingResponse>>($"/api/meetings?sessionId={reference.Session17.Id}&pageSize=1")).Total;

        using var response = await client.PostJsonAsync("/api/meetings", Meeting(reference, startsAt, endsAt, zone, monthOnly is { } m ? new { year = 2027, month = m } : null));

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        var errors = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["field"] == field && (string?)e["code"] == code);
        Assert.Equal(before, (await client.GetAsync<Entente.Web.Infrastructure.PageOf<MeetingResponse>>($"/api/meetings?sessionId={reference.Session17.Id}&pageSize=1")).Total);
    }

    [Fact]
    public async Task ATimeTheClocksSkip_IsRefused_AndAMeetingOfAnHourEndsTheNextDayWhenItStartsLate()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);

        // On 28 March 2027 London's clocks go from 01:00 to 02:00.
        using var skipped = await client.PostJsonAsync("/api/meetings", Meeting(reference, "01:30", null, "Europe/London", new { year = 2027, month = 3, day = 28 }));
        Assert.Contains(System.Text.Json.Nodes.JsonNode.Parse(await skipped.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["errors"]!.AsArray(), e => (string?)e!["field"] == "startsAt");

        var late = await client.CreateAsync<MeetingResponse>("/api/meetings", Meeting(reference, "23:30", null, "Asia/Kuwait"));
        var calendarEvent = Assert.Single(Ical.Net.Calendar.Load(await client.GetStringAsync($"/api/meetings/{late.Id}/calendar", TestContext.Current.CancellationToken))!.Events);
        Assert.Equal(TimeSpan.FromHours(1), calendarEvent.DtEnd!.AsUtc - calendarEvent.DtStart!.AsUtc);
    }

    [Fact]
    public async Task AChangedMeeting_IsTheSameCalendarEventWithAHigherSequence()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var meeting = await client.CreateAsync<MeetingResponse>("/api/meetings", Meeting(reference, "09:00", null, "Europe/London"));
        using var moved = await client.PutJsonAsync($"/api/meetings/{meeting.Id}", Meeting(reference, "11:00", "12:00", "Europe/London"), $"\"{meeting.Version}\"");
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var text = await client.GetStringAsync($"/api/meetings/{meeting.Id}/calendar", TestContext.Current.CancellationToken);
        var calendarEvent = Assert.Single(Ical.Net.Calendar.Load(text)!.Events);

        Assert.Equal(meeting.Id.ToString("D") + "@entente", calendarEvent.Uid);
        Assert.Equal(1, calendarEvent.Sequence);
        Assert.Contains("DTSTART;TZID=Europe/London:20270314T110000", text, StringComparison.Ordinal);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MeetingTimeTestsOnSqlite(SqliteApp app) : MeetingTimeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MeetingTimeTestsOnPostgres(PostgresApp app) : MeetingTimeTests(app);
