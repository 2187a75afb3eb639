using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// A record's page leads to what belongs to it (a session's meetings, plans and items, a track's items, a
/// plan's items) and offers only what may be done from it: no "propose the next session" once there is
/// one, no agenda building on a concluded session.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class RecordPageLinksTests(SqliteApp app)
{
    [Fact]
    public async Task ARecordOfAConcludedSession_OffersNoEdit_AndItsFormIsReadOnly_SayingWhereToReopenIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var reference = await Reference.LoadAsync(api);
        var meeting = (await api.ListAsync<Entente.Web.Features.Meetings.MeetingResponse>($"/api/meetings?sessionId={reference.Session16.Id}")).First();
        var (secretariat, _) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, secretariat);

        var details = await browser.GetStringAsync($"/meetings/{meeting.Id}", ct);
        var form = await browser.GetStringAsync($"/meetings/{meeting.Id}/edit", ct);
        var open = await api.CreateAsync<Entente.Web.Features.Meetings.MeetingResponse>("/api/meetings", new { sessionId = reference.Session17.Id, kind = "preparatory", title = new { ar = "اجتماع تحضيري", en = "Preparatory meeting" } });
        var openForm = await browser.GetStringAsync($"/meetings/{open.Id}/edit", ct);

        Assert.DoesNotContain($"href=\"/meetings/{meeting.Id}/edit\"", details, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"session-concluded\">", details, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sessions/{reference.Session16.Id}\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"save\"", form, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"plain\" disabled=\"disabled\">", form, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"save\"", openForm, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"session-concluded\"", openForm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcludedSessionWithItsNextOne_LinksBothWays_ListsWhatBelongsToIt_AndOffersNoProposal()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var browser = await ViewerAsync();

        var page = await browser.GetStringAsync($"/sessions/{reference.Session16.Id}", ct);

        Assert.DoesNotContain("data-testid=\"propose-next\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/sessions/{reference.Session17.Id}\" data-testid=\"next-session\"", page, StringComparison.Ordinal);
        var plans = await app.CreateClient().ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={reference.Session16.Id}");
        Assert.NotEmpty(plans);
        Assert.All(plans, p => Assert.Contains($"href=\"/action-plans/{p.Id}\"", Section(page, "action-plans"), StringComparison.Ordinal));
        var items = await app.CreateClient().ListAsync<ActionItemResponse>($"/api/action-items?sessionId={reference.Session16.Id}");
        Assert.Contains($"({items.Count})", Section(page, "action-items"), StringComparison.Ordinal);
        Assert.Equal(Math.Min(items.Count, 10), LinkCount(Section(page, "action-items"), "/action-items/"));
        Assert.Equal(items.Count > 10, page.Contains($"/bodies/{reference.Body.Id}/action-items?session={reference.Session16.Id}", StringComparison.Ordinal));

        var next = await browser.GetStringAsync($"/sessions/{reference.Session17.Id}", ct);
        Assert.Contains($"href=\"/sessions/{reference.Session16.Id}\" data-testid=\"previous-session\"", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcludedSessionWithoutANextOne_OffersToProposeIt()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var session = await app.CreateClient().CreateAsync<JsonObject>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided", status = "concluded" });
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, secretariat);

        var page = await browser.GetStringAsync($"/sessions/{session["id"]}", ct);

        Assert.Contains("data-testid=\"propose-next\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"next-session\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConcludedSessionsAgenda_IsReadWithoutControlsToBuildOrReorderIt_WhileAnOpenOnesHasThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, secretariat);

        var concluded = await browser.GetStringAsync($"/sessions/{reference.Session16.Id}/agenda", ct);
        Assert.Contains("data-testid=\"agenda-concluded\"", concluded, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"generate-agenda\"", concluded, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-agenda-item\"", concluded, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=move", concluded, StringComparison.Ordinal);

        var open = await app.CreateClient().CreateAsync<JsonObject>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var planned = await browser.GetStringAsync($"/sessions/{open["id"]}/agenda", ct);
        Assert.Contains("data-testid=\"generate-agenda\"", planned, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"agenda-concluded\"", planned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATrackAndAPlan_ListTheirItems_AndLeadToTheListOfAllOfThem()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (item, _) = await Reference.CreateItemAsync(app.CreateClient(), reference.NewItem("An item its track lists"));
        var browser = await ViewerAsync();

        var track = await browser.GetStringAsync($"/tracks/{reference.Health.Id}", ct);
        Assert.Contains("data-testid=\"related-action-items\"", track, StringComparison.Ordinal);
        var ofTrack = await app.CreateClient().ListAsync<ActionItemResponse>($"/api/action-items?trackId={reference.Health.Id}");
        Assert.Equal(Math.Min(ofTrack.Count, 10), LinkCount(Section(track, "action-items"), "/action-items/"));
        Assert.Equal(ofTrack.Count > 10, track.Contains($"/bodies/{reference.Body.Id}/action-items?track={reference.Health.Id}", StringComparison.Ordinal));

        var plan = (await app.CreateClient().ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={reference.Session16.Id}"))[0];
        var items = await app.CreateClient().ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={plan.Id}");
        var planPage = await browser.GetStringAsync($"/action-plans/{plan.Id}", ct);
        Assert.Equal(Math.Min(items.Count, 10), LinkCount(Section(planPage, "action-items"), "/action-items/"));

        // The whole list, narrowed to the plan, says so and lists only its items.
        var all = await browser.GetStringAsync($"/bodies/{reference.Body.Id}/action-items?plan={plan.Id}", ct);
        Assert.Contains("data-testid=\"scope-plan\"", all, StringComparison.Ordinal);
        Assert.DoesNotContain($"/action-items/{item.Id}\"", all, StringComparison.Ordinal);
        Assert.Contains($"/action-items/{items[0].Id}\"", all, StringComparison.Ordinal);
    }

    private async Task<HttpClient> ViewerAsync()
    {
        var (viewer, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        return await PageSession.SignedInClientAsync(app, viewer);
    }

    /// <summary>The section of a page that lists the related records of a kind.</summary>
    private static string Section(string page, string kind)
    {
        var start = page.IndexOf($"data-testid=\"related-{kind}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"The page lists no {kind}.");
        var end = page.IndexOf("</section>", start, StringComparison.Ordinal);
        return page[start..end];
    }

    private static int LinkCount(string html, string prefix) => Regex.Count(html, $"<a href=\"{Regex.Escape(prefix)}[0-9a-f-]{{36}}\"");
}
