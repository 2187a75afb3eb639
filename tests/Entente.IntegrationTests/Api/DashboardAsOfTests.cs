using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Obstacles;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// A body's dashboard as it stood on a past day: agreements in the state their histories give them
/// then, figures of periods ended by then, obstacles open then, the name the body bore then; no
/// action item statuses, which keep no history. The years used here (the early 1980s) are no other test's.
/// </summary>
public abstract class DashboardAsOfTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task ThePastDashboard_ShowsWhatWasTrueThen_AndNoLaterStep()
    {
        var reference = await Reference.LoadAsync(_client);
        var url = $"/api/joint-bodies/{reference.Body.Id}/dashboard";
        int Stage(DashboardResponse d, AgreementStatus s) => d.Pipeline.Single(p => p.Status == s).Count;
        var (before81, before82) = (await _client.GetAsync<DashboardResponse>(url + "?asOf=1981-06-30"), await _client.GetAsync<DashboardResponse>(url + "?asOf=1982-06-30"));

        var agreement = reference.NewAgreement();
        agreement["events"] = new object[] { new { status = "proposed", on = new { year = 1981, month = 3 } }, new { status = "under-negotiation", on = new { year = 1982, month = 2, day = 1 } } };
        await _client.CreateAsync<AgreementResponse>("/api/agreements", agreement);
        var indicator = await _client.CreateAsync<IndicatorResponse>("/api/indicators", new
        {
            jointBodyId = reference.Body.Id, name = new { ar = "عدد البعثات", en = "Missions" }, unit = "missions",
            values = new object[] { new { value = 3, period = new { year = 1981 } }, new { value = 5, period = new { year = 1983 } } },
        });
        var obstacle = await _client.CreateAsync<ObstacleResponse>("/api/obstacles", new
        {
            jointBodyId = reference.Body.Id, trackId = reference.Health.Id, title = new { ar = "تأخر التأشيرات " + Guid.NewGuid().ToString("N")[..4], en = "Visa delays" },
            status = "resolved", resolution = new { ar = "صدرت التأشيرات", en = "The visas were issued" }, raisedOn = "1981-05-01", resolvedOn = "1982-01-15",
        });

        var in81 = await _client.GetAsync<DashboardResponse>(url + "?asOf=1981-06-30");
        Assert.Equal((new DateOnly(1981, 6, 30), false), (in81.AsOf!.Value, in81.ItemsShown));
        Assert.Empty(in81.Tracks);
        Assert.Empty(in81.Overdue);
        Assert.Equal(Stage(before81, AgreementStatus.Proposed) + 1, Stage(in81, AgreementStatus.Proposed));
        Assert.Equal(Stage(before81, AgreementStatus.UnderNegotiation), Stage(in81, AgreementStatus.UnderNegotiation));
        Assert.Empty(in81.Indicators.Single(i => i.Id == indicator.Id).Points);
        // Open then, resolved since.
        Assert.Equal(ObstacleStatus.Open, Assert.Single(in81.Obstacles, o => o.Id == obstacle.Id).Status);

        var in82 = await _client.GetAsync<DashboardResponse>(url + "?asOf=1982-06-30");
        Assert.Equal(Stage(before82, AgreementStatus.UnderNegotiation) + 1, Stage(in82, AgreementStatus.UnderNegotiation));
        Assert.Equal(Stage(before82, AgreementStatus.Proposed), Stage(in82, AgreementStatus.Proposed));
        Assert.Equal([new DateOnly(1981, 12, 31)], in82.Indicators.Single(i => i.Id == indicator.Id).Points.Select(p => p.PeriodEnd));
        Assert.DoesNotContain(in82.Obstacles, o => o.Id == obstacle.Id);

        // The page says which day it shows, and leaves the action items out; a day that is none is said beside the field.
        var (secretariat, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var page = await PageSession.SignedInClientAsync(app, secretariat);
        var past = await page.GetStringAsync($"/bodies/{reference.Body.Id}?asOf=1981-12-01", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"as-of-notice\"", past, StringComparison.Ordinal);
        Assert.Contains("Visa delays", past, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"progress-chart\"", past, StringComparison.Ordinal);
        var wrong = await page.GetStringAsync($"/bodies/{reference.Body.Id}?asOf=1981-13-01", TestContext.Current.CancellationToken);
        Assert.Contains("id=\"err-asOf\"", wrong, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"progress-chart\"", wrong, StringComparison.Ordinal);

        // Today: every figure, the obstacle resolved, the action items as they are.
        var today = await _client.GetAsync<DashboardResponse>(url);
        Assert.Equal((2, true, (DateOnly?)null), (today.Indicators.Single(i => i.Id == indicator.Id).Points.Count, today.ItemsShown, today.AsOf));
        Assert.NotEmpty(today.Tracks);
    }

    [Fact]
    public async Task ThePastDashboard_BearsTheNameOfThen_AndABadDayIsRefused()
    {
        var committee = Assert.Single(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Kuwait–Jordan Higher Joint Committee");

        var then = await _client.GetAsync<DashboardResponse>($"/api/joint-bodies/{committee.Id}/dashboard?asOf=2018-05-31");
        Assert.Equal("Kuwait–Jordan Joint Committee", then.Name.En);
        // The next session then was the 8th: the 7th had ended.
        Assert.Equal(8, then.NextSession!.Number);

        foreach (var bad in new[] { "2018-02-30", "31-05-2018", "yesterday" })
        {
            using var response = await _client.GetAsync($"/api/joint-bodies/{committee.Id}/dashboard?asOf={bad}", TestContext.Current.CancellationToken);
            Assert.Equal("asOf", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DashboardAsOfTestsOnSqlite(SqliteApp app) : DashboardAsOfTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DashboardAsOfTestsOnPostgres(PostgresApp app) : DashboardAsOfTests(app);
