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
