using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Agenda;
using Entente.Web.Features.Sessions;

namespace Entente.IntegrationTests.Api;

/// <summary>The agenda built from tracks with the previous period's open items carried onto it, reordered and timed; minutes per item through draft, proposed, approved by both sides, locked; outcomes that create and update records.</summary>
public abstract class AgendaTests(EntenteApp app)
{
    private sealed record Setup(Reference Reference, SessionResponse Previous, SessionResponse Session, ActionItemResponse Open, ActionItemResponse Done, ActionItemResponse National);

    /// <summary>A session with a plan of an open, a done and a Kuwaiti national item, and the session after it.</summary>
    private async Task<Setup> SetupAsync(HttpClient client)
    {
        var reference = await Reference.LoadAsync(client);
        var number = 10_000 + (Random.Shared.Next(1, 40_000) * 2);
        var previous = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number, placeKind = "to-be-decided" });
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = number + 1, placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = previous.Id, title = new { ar = "خطة", en = "Plan" } });
        async Task<ActionItemResponse> ItemAsync(string title, string status, bool national = false)
        {
            var body = reference.NewItem(title);
            body["actionPlanId"] = plan.Id;
            body["status"] = status;
            if (national)
            {
                body["visibility"] = "national";
                body["ownerPartyId"] = reference.Kuwait;
            }

            return (await Reference.CreateItemAsync(client, body)).Item;
        }

        return new Setup(reference, previous, session,
            await ItemAsync($"Open item {number}", "in-progress"),
            await ItemAsync($"Done item {number}", "done"),
            await ItemAsync($"Kuwaiti brief item {number}", "not-started", national: true));
    }

    private static async Task<IReadOnlyList<AgendaItemResponse>> GenerateAsync(HttpClient client, Guid sessionId, string? startsAt = null) =>
        await ApiClient.ReadAsync<List<AgendaItemResponse>>(await client.PostJsonAsync($"/api/sessions/{sessionId}/agenda", new { startsAt }), HttpStatusCode.Created);

    [Fact]
    public async Task Generate_AnItemThatIsAFollowUpAlready_IsNotPrefixedTwice()
    {
        var kuwait = app.CreateClient();
        var setup = await SetupAsync(kuwait);
        var body = setup.Reference.NewItem("Follow up the exchange of hospital curricula");
        body["title"] = new { ar = "متابعة تبادل مناهج إدارة المستشفيات", en = "Follow up the exchange of hospital curricula" };
        body["actionPlanId"] = setup.Open.ActionPlanId;
        body["status"] = "in-progress";
        var (followUp, _) = await Reference.CreateItemAsync(kuwait, body);

        var agenda = await GenerateAsync(kuwait, setup.Session.Id);

        var carried = agenda.Single(a => a.CarriedActionItemId == followUp.Id);
        Assert.Equal(("متابعة تبادل مناهج إدارة المستشفيات", "Follow up the exchange of hospital curricula"), (carried.Title.Ar, carried.Title.En));
        Assert.StartsWith("متابعة: ", agenda.Single(a => a.CarriedActionItemId == setup.Open.Id).Title.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_TracksWithTheOpenItemsCarried_TimedFromTheStart_NationalOnlyForItsParty()
    {
        var kuwait = app.CreateClient();
        var setup = await SetupAsync(kuwait);
        var (_, britishToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(britishToken, null);

        var agenda = await GenerateAsync(kuwait, setup.Session.Id, "٠٩:٣٠");

        Assert.Equal("Opening and adoption of the agenda", agenda[0].Title.En);
        Assert.Equal(new TimeOnly(9, 30), agenda[0].StartsAt);
        Assert.Equal("Closing", agenda[^1].Title.En);
        Assert.Equal(Enumerable.Range(1, agenda.Count), agenda.Select(a => a.Position));
        AssertTimedOneAfterTheOther(agenda);

        var health = agenda.Single(a => a.TrackId == setup.Reference.Health.Id && a.CarriedActionItemId is null && a.CarriedObstacleId is null);
        var open = agenda.Single(a => a.CarriedActionItemId == setup.Open.Id);
        Assert.True(open.Position > health.Position);
        Assert.Equal($"Follow-up: {setup.Open.Title.En}", open.Title.En);
        Assert.DoesNotContain(agenda, a => a.CarriedActionItemId == setup.Done.Id);
        var national = agenda.Single(a => a.CarriedActionItemId == setup.National.Id);
        Assert.Equal((Visibility.National, setup.Reference.Kuwait), (national.Visibility, national.OwnerPartyId));
        Assert.Contains(agenda, a => a.CarriedObstacleId is not null && a.Title.En!.StartsWith("Obstacle: ", StringComparison.Ordinal));

        var seenByBritain = await britain.ListAsync<AgendaItemResponse>($"/api/agenda-items?sessionId={setup.Session.Id}");
        Assert.Equal(agenda.Count(a => a.Visibility == Visibility.Joint), seenByBritain.Count); // other tests' Kuwaiti obstacles may be carried too
        Assert.DoesNotContain(seenByBritain, a => a.Id == national.Id);
        // No gap betrays the Kuwaiti item: Britain's positions run 1, 2, 3… and its times follow one another.
        Assert.Equal(Enumerable.Range(1, seenByBritain.Count), seenByBritain.Select(a => a.Position));
        AssertTimedOneAfterTheOther(seenByBritain);

        using var again = await kuwait.PostJsonAsync($"/api/sessions/{setup.Session.Id}/agenda", new { });
        Assert.Equal(RuleCodes.AgendaExists, (string?)(await again.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        using var badTime = await kuwait.PostJsonAsync($"/api/sessions/{setup.Previous.Id}/agenda", new { startsAt = "25:99" });
        Assert.Equal("startsAt", (string?)(await badTime.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    /// <summary>Joint items follow one another; a national item starts where it sits and pushes nothing back.</summary>
    private static void AssertTimedOneAfterTheOther(IReadOnlyList<AgendaItemResponse> agenda)
    {
        var clock = agenda[0].StartsAt!.Value;
        foreach (var item in agenda)
        {
            Assert.Equal(clock, item.StartsAt);
            if (item.Visibility == Visibility.Joint)
            {
                clock = clock.AddMinutes(item.DurationMinutes!.Value);
            }
        }
    }

    [Fact]
    public async Task MeetingAgenda_OnThePage_IsBuiltAddedToAndPrinted_ApartFromTheSessions()
    {
        var ct = TestContext.Current.CancellationToken;
        var kuwait = app.CreateClient();
        var setup = await SetupAsync(kuwait);
        var meeting = await kuwait.CreateAsync<Entente.Web.Features.Meetings.MeetingResponse>("/api/meetings", new
        {
            sessionId = setup.Session.Id, kind = "working-group", format = "video-conference",
            title = new { ar = "اجتماع فريق العمل الصحي", en = "Health working group meeting" },
        });
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var page = await PageSession.SignedInClientAsync(app, secretariat);
        var sessionPage = $"/sessions/{setup.Session.Id}/agenda";
        var meetingPage = $"{sessionPage}?meeting={meeting.Id}";

        var empty = await page.GetStringAsync(meetingPage, ct);
        Assert.Contains("data-testid=\"agenda-of\"", empty, StringComparison.Ordinal);
        Assert.Contains("Health working group meeting", empty, StringComparison.Ordinal);
        using (var generated = await page.PostAsync($"{sessionPage}?handler=generate&meeting={meeting.Id}", PageSession.Form(("StartsAt", "14:00"), ("__csrf", PageSession.Token(empty))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, generated.StatusCode);
            Assert.Equal(meetingPage, generated.Headers.Location?.ToString());
        }

        var built = await page.GetStringAsync(meetingPage, ct);
        using (var added = await page.PostAsync($"{sessionPage}?handler=add&meeting={meeting.Id}", PageSession.Form(
            ("TitleAr", "عرض بيانات اللقاحات"), ("TitleEn", "Vaccine data briefing"), ("DurationMinutes", "15"), ("Visibility", "joint"), ("__csrf", PageSession.Token(built))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        var ofMeeting = await kuwait.ListAsync<AgendaItemResponse>($"/api/agenda-items?sessionId={setup.Session.Id}&meetingId={meeting.Id}");
        Assert.Equal(new TimeOnly(14, 0), ofMeeting[0].StartsAt);
        Assert.Equal("Vaccine data briefing", ofMeeting[^1].Title.En);
        Assert.All(ofMeeting, a => Assert.Equal(meeting.Id, a.MeetingId));
        Assert.Empty(await kuwait.ListAsync<AgendaItemResponse>($"/api/agenda-items?sessionId={setup.Session.Id}"));

        var printed = await page.GetStringAsync($"{sessionPage}?handler=export&what=agenda&format=html&lang=en&meeting={meeting.Id}", ct);
        Assert.Contains("Health working group meeting", printed, StringComparison.Ordinal);
        Assert.Contains("Vaccine data briefing", printed, StringComparison.Ordinal);
        using var api = await kuwait.GetAsync($"/api/sessions/{setup.Session.Id}/agenda/export?format=html&lang=ar&meetingId={meeting.Id}", ct);
        Assert.Contains("اجتماع فريق العمل الصحي", await api.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        using var unknown = await page.GetAsync($"{sessionPage}?meeting={Guid.NewGuid()}", ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Move_LastItemFirst_RenumbersAndRetimes_AndStaleOrOutOfRangeIsRefused()
    {
        var client = app.CreateClient();
        var setup = await SetupAsync(client);
        var agenda = await GenerateAsync(client, setup.Session.Id);
        var last = agenda[^1];

        using var outOfRange = await client.PostJsonAsync($"/api/agenda-items/{last.Id}/move", new { position = agenda.Count + 1 }, $"\"{last.Version}\"");
        Assert.Equal("position", (string?)(await outOfRange.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        var moved = await ApiClient.ReadAsync<List<AgendaItemResponse>>(await client.PostJsonAsync($"/api/agenda-items/{last.Id}/move", new { position = 1 }, $"\"{last.Version}\""), HttpStatusCode.OK);
        using var stale = await client.PostJsonAsync($"/api/agenda-items/{last.Id}/move", new { position = 2 }, $"\"{last.Version}\"");

        Assert.Equal(last.Id, moved[0].Id);
        Assert.Equal(new TimeOnly(10, 0), moved[0].StartsAt);
        Assert.Equal(new TimeOnly(10, 5), moved[1].StartsAt);
        Assert.Equal(agenda[0].Id, moved[1].Id);
        Assert.Equal(Enumerable.Range(1, moved.Count), moved.Select(a => a.Position));
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task Minutes_DraftProposedApprovedByBothSidesLocked_ThenNothingChanges()
    {
        var kuwait = app.CreateClient();
        var setup = await SetupAsync(kuwait);
        var (_, britishToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(britishToken, null);
        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var item = (await GenerateAsync(kuwait, setup.Session.Id)).Single(a => a.CarriedActionItemId == setup.Open.Id);

        AgendaItemResponse current = item;
        async Task<AgendaItemResponse> PostAsync(HttpClient client, string step, HttpStatusCode expected = HttpStatusCode.OK) =>
            current = await ApiClient.ReadAsync<AgendaItemResponse>(await client.PostJsonAsync($"/api/agenda-items/{item.Id}/minutes/{step}", new { }, $"\"{current.Version}\""), expected);
        Task<HttpResponseMessage> WriteMinutesAsync(HttpClient client, string en) => client.PutJsonAsync($"/api/agenda-items/{item.Id}", new
        {
            sessionId = item.SessionId, title = item.Title, trackId = item.TrackId, startsAt = "10:00", durationMinutes = item.DurationMinutes,
            minutes = new { ar = "اتفق الجانبان على مواصلة العمل.", en },
        }, $"\"{current.Version}\"");

        using (var empty = await kuwait.PostJsonAsync($"/api/agenda-items/{item.Id}/minutes/proposal", new { }, $"\"{current.Version}\""))
        {
            Assert.Equal("minutes", (string?)(await empty.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        }

        current = await ApiClient.ReadAsync<AgendaItemResponse>(await WriteMinutesAsync(kuwait, "The two sides agreed to continue."), HttpStatusCode.OK);
        await PostAsync(kuwait, "proposal");
        Assert.Equal(MinutesStatus.Proposed, current.MinutesStatus);
        using (var edit = await WriteMinutesAsync(britain, "Changed after proposal."))
        {
            Assert.Equal(RuleCodes.MinutesLocked, (string?)(await edit.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        // The title is approved with the minutes: it stays as proposed too.
        using (var retitled = await britain.PutJsonAsync($"/api/agenda-items/{item.Id}", new
        {
            sessionId = item.SessionId, title = new { ar = item.Title.Ar, en = "Another title" }, trackId = item.TrackId, startsAt = "10:00", durationMinutes = item.DurationMinutes,
            minutes = current.Minutes,
        }, $"\"{current.Version}\""))
        {
            var refusal = await retitled.ProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal((RuleCodes.MinutesLocked, "title"), ((string?)refusal["code"], (string?)refusal["field"]));
        }

        using (var byViewer = await app.CreateClient(viewerToken, null).PostJsonAsync($"/api/agenda-items/{item.Id}/minutes/approval", new { }, $"\"{current.Version}\""))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        await PostAsync(kuwait, "approval");
        Assert.Equal(MinutesStatus.Proposed, current.MinutesStatus);
        await PostAsync(kuwait, "return");
        Assert.Empty(current.MinutesApprovals);
        await PostAsync(kuwait, "proposal");
        await PostAsync(kuwait, "approval");
        await PostAsync(britain, "approval");
        Assert.Equal(MinutesStatus.Approved, current.MinutesStatus);
        Assert.Equal(2, current.MinutesApprovals.Count);
        await PostAsync(britain, "lock");
        Assert.Equal(MinutesStatus.Locked, current.MinutesStatus);

        using var afterLock = await kuwait.PostJsonAsync($"/api/agenda-items/{item.Id}/minutes/return", new { }, $"\"{current.Version}\"");
        Assert.Equal(RuleCodes.IllegalTransition, (string?)(await afterLock.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        using var outcome = await kuwait.PostJsonAsync($"/api/agenda-items/{item.Id}/outcomes", new { kind = "progress", text = new { ar = "نص", en = "Text" } });
        Assert.Equal(RuleCodes.MinutesLocked, (string?)(await outcome.ProblemAsync(HttpStatusCode.Conflict))["code"]);
    }

    [Fact]
    public async Task Outcomes_CreateAnActionItemAndAnObstacle_AndReportProgressOnTheCarriedItem()
    {
        var client = app.CreateClient();
        var setup = await SetupAsync(client);
        var item = (await GenerateAsync(client, setup.Session.Id)).Single(a => a.CarriedActionItemId == setup.Open.Id);
        var nextPlan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = setup.Session.Id, title = new { ar = "خطة الفترة المقبلة", en = "Next plan" } });

        var withItem = await ApiClient.ReadAsync<AgendaItemResponse>(await client.PostJsonAsync($"/api/agenda-items/{item.Id}/outcomes", new
        {
            kind = "new-action-item", actionPlanId = nextPlan.Id, dueOn = "2027-06-30",
            title = new { ar = "برنامج تدريب جديد", en = "A new training programme" },
        }), HttpStatusCode.OK);
        var withProgress = await ApiClient.ReadAsync<AgendaItemResponse>(await client.PostJsonAsync($"/api/agenda-items/{item.Id}/outcomes", new
        {
            kind = "progress", status = "done", percentComplete = 100,
            text = new { ar = "أنجز البند خلال الدورة.", en = "Completed during the session." },
        }), HttpStatusCode.OK);
        var withObstacle = await ApiClient.ReadAsync<AgendaItemResponse>(await client.PostJsonAsync($"/api/agenda-items/{item.Id}/outcomes", new
        {
            kind = "new-obstacle", title = new { ar = "تأخر التمويل", en = "Funding delayed" },
        }), HttpStatusCode.OK);
        using var unknown = await client.PostJsonAsync($"/api/agenda-items/{item.Id}/outcomes", new { kind = "delete-everything" });

        var created = await client.GetAsync<ActionItemResponse>($"/api/action-items/{withItem.Outcomes[0].RecordId}");
        Assert.Equal(("A new training programme", nextPlan.Id, setup.Open.TrackId), (created.Title.En, created.ActionPlanId!.Value, created.TrackId));
        var carried = await client.GetAsync<ActionItemResponse>($"/api/action-items/{setup.Open.Id}");
        Assert.Equal(ActionItemStatus.Done, carried.Status);
        Assert.Contains(carried.Updates, u => u.Text.En == "Completed during the session.");
        Assert.Equal(
            [(RecordType.ActionItem, OutcomeAction.Created), (RecordType.ActionItem, OutcomeAction.Updated), (RecordType.Obstacle, OutcomeAction.Created)],
            withObstacle.Outcomes.Select(o => (o.RecordType, o.Action)));
        Assert.Equal(2, withProgress.Outcomes.Count);
        Assert.Equal("kind", (string?)(await unknown.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AgendaTestsOnSqlite(SqliteApp app) : AgendaTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AgendaTestsOnPostgres(PostgresApp app) : AgendaTests(app);
