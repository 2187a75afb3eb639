using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Sessions;

namespace Entente.IntegrationTests.Api;

/// <summary>Concluding a session and proposing the next: number + 1, one of the two capitals, open items carried forward.</summary>
public abstract class NextSessionTests(EntenteApp app)
{
    [Fact]
    public async Task ProposeNext_AfterConclusion_NumbersItPlacesItAndCarriesTheOpenItemsForward()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var number = 100 + Random.Shared.Next(1, 800);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number, placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة", en = "Plan" } });
        var items = new List<ActionItemResponse>();
        foreach (var status in new[] { "not-started", "in-progress", "done", "blocked", "dropped" })
        {
            var body = reference.NewItem($"Item {status}");
            body["status"] = status;
            body["actionPlanId"] = plan.Id;
            items.Add(await client.CreateAsync<ActionItemResponse>("/api/action-items", body));
        }

        using var early = await client.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        Assert.Equal(RuleCodes.NotConcluded, (string?)(await early.ProblemAsync(HttpStatusCode.Conflict))["code"]);

        await ConcludeAsync(client, session);
        using var proposed = await client.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        var next = await ApiClient.ReadAsync<NextSessionResponse>(proposed, HttpStatusCode.Created);

        Assert.Equal(number + 1, next.Session.Number);
        Assert.Equal(PlaceKind.OneOfTheCapitals, next.Session.PlaceKind);
        Assert.Equal(SessionStatus.Planned, next.Session.Status);
        Assert.Null(next.Session.StartsOn);
        Assert.Equal(3, next.CarriedItems);
        var carried = await client.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={next.ActionPlanId}");
        Assert.Equal(
            items.Where(i => i.Status is ActionItemStatus.NotStarted or ActionItemStatus.InProgress or ActionItemStatus.Blocked).Select(i => (i.Id, i.Title.En, i.Status)).OrderBy(t => t.En),
            carried.Select(c => (c.CarriedFromId!.Value, c.Title.En, c.Status)).OrderBy(t => t.En));
        Assert.All(carried, c => Assert.Equal(items[0].Owners.Select(o => o.InstitutionId), c.Owners.Select(o => o.InstitutionId)));

        using var again = await client.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        Assert.Equal(RuleCodes.Duplicate, (string?)(await again.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
    }

    [Fact]
    public async Task ProposeNext_InANamedCity_NeedsItsName_AndIsRefusedToAViewer()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = 1000 + Random.Shared.Next(1, 800), placeKind = "to-be-decided" });
        await ConcludeAsync(client, session);
        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);

        using var nameless = await client.PostJsonAsync($"/api/sessions/{session.Id}/next", new { placeKind = "city" });
        using var byViewer = await app.CreateClient(viewerToken, null).PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        using var named = await client.PostJsonAsync($"/api/sessions/{session.Id}/next", new { placeKind = "city", placeName = new { ar = "لندن", en = "London" } });

        Assert.Equal("placeName", (string?)(await nameless.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        var next = await ApiClient.ReadAsync<NextSessionResponse>(named, HttpStatusCode.Created);
        Assert.Equal("London", next.Session.PlaceName!.En);
        Assert.Null(next.ActionPlanId);
    }

    [Fact]
    public async Task ProposeNext_ByOneParty_LeavesTheOtherPartysNationalItems_WhichThatPartyCarriesIntoTheSamePlan()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(ukToken, null);
        var session = await kuwait.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var plan = await kuwait.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة", en = "Plan" } });
        foreach (var national in new[] { false, true })
        {
            var body = reference.NewItem(national ? "A Kuwaiti internal item" : "A joint item");
            body["actionPlanId"] = plan.Id;
            if (national)
            {
                body["visibility"] = "national";
                body["ownerPartyId"] = reference.Kuwait;
            }

            await kuwait.CreateAsync<ActionItemResponse>("/api/action-items", body);
        }

        await ConcludeAsync(kuwait, session);
        using var byBritain = await britain.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        var proposed = await ApiClient.ReadAsync<NextSessionResponse>(byBritain, HttpStatusCode.Created);
        using var byKuwait = await kuwait.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });
        var carried = await ApiClient.ReadAsync<NextSessionResponse>(byKuwait, HttpStatusCode.OK);
        using var once = await kuwait.PostJsonAsync($"/api/sessions/{session.Id}/next", new { });

        Assert.Equal(1, proposed.CarriedItems); // Britain carried what it sees: the joint item
        Assert.Equal((proposed.Session.Id, proposed.ActionPlanId, 1), (carried.Session.Id, carried.ActionPlanId, carried.CarriedItems));
        var seenByKuwait = await kuwait.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={proposed.ActionPlanId}");
        Assert.Equal(["A Kuwaiti internal item", "A joint item"], seenByKuwait.Select(i => i.Title.En).Order(StringComparer.Ordinal));
        Assert.Equal(Visibility.National, seenByKuwait.Single(i => i.Title.En == "A Kuwaiti internal item").Visibility);
        Assert.Single(await britain.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={proposed.ActionPlanId}"));
        Assert.Equal(RuleCodes.Duplicate, (string?)(await once.ProblemAsync(HttpStatusCode.UnprocessableEntity))["code"]);
    }

    private static async Task ConcludeAsync(HttpClient client, SessionResponse session)
    {
        var body = new
        {
            jointBodyId = session.JointBodyId,
            number = session.Number,
            placeKind = "to-be-decided",
            status = "concluded",
        };
        using var response = await client.PutJsonAsync($"/api/sessions/{session.Id}", body, $"\"{session.Version}\"");
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NextSessionTestsOnSqlite(SqliteApp app) : NextSessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NextSessionTestsOnPostgres(PostgresApp app) : NextSessionTests(app);
