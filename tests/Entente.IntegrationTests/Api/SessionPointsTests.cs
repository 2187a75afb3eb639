using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Agenda;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.SessionPoints;
using Entente.Web.Features.Sessions;

namespace Entente.IntegrationTests.Api;

/// <summary>What a session said and did: its points, who said them, what they concern, the minutes they came from; refused, not coerced.</summary>
public abstract class SessionPointsTests(EntenteApp app)
{
    [Fact]
    public async Task APoint_IsTheSessions_WithItsSide_ItsLinks_AndItsMinutes_AndASessionOnceConcludedKeepsItsPoints()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "virtual", status = "open" });
        var agreement = await client.CreateAsync<AgreementResponse>("/api/agreements", reference.NewAgreement());
        // In no track: the generated hostile-input suite aims its outcome writes at an agenda item in a track, and this session gets concluded.
        var agenda = await client.CreateAsync<AgendaItemResponse>("/api/agenda-items", new { sessionId = session.Id, title = new { ar = "تقرير المجال الصحي", en = "Health track report" } });

        var point = await client.CreateAsync<SessionPointResponse>("/api/session-points", new
        {
            jointBodyId = reference.Body.Id,
            sessionId = session.Id,
            trackId = reference.Health.Id,
            agendaItemId = agenda.Id,
            kind = "praised",
            saidByPartyId = reference.UnitedKingdom,
            text = new { ar = "سرعة تبادل بيانات المختبرات", en = "the speed of the exchange of laboratory data" },
            agreementIds = new[] { agreement.Id },
        });
        Assert.Equal((PointKind.Praised, reference.UnitedKingdom, 0), (point.Kind, point.SaidByPartyId, point.Position));
        Assert.Equal([agreement.Id], point.AgreementIds);
        Assert.Contains(await client.ListAsync<SessionPointResponse>($"/api/session-points?sessionId={session.Id}&kind=praised"), p => p.Id == point.Id);
        Assert.Contains(await client.ListAsync<SessionPointResponse>($"/api/session-points?agreementId={agreement.Id}"), p => p.Id == point.Id);
        Assert.Empty(await client.ListAsync<SessionPointResponse>($"/api/session-points?sessionId={session.Id}&kind=decided"));

        // Taken from the minutes: one of their outcomes.
        var item = await client.GetAsync<AgendaItemResponse>($"/api/agenda-items/{agenda.Id}");
        Assert.Contains(item.Outcomes, o => o.RecordType == RecordType.SessionPoint && o.RecordId == point.Id);

        // The next point of the track comes after it.
        var second = await client.CreateAsync<SessionPointResponse>("/api/session-points", new
        {
            jointBodyId = reference.Body.Id, sessionId = session.Id, trackId = reference.Health.Id, kind = "agreed",
            text = new { ar = "تبادل البيانات أسبوعيا", en = "exchanging the data weekly" },
        });
        Assert.Equal((1, (Guid?)null), (second.Position, second.SaidByPartyId));

        // Concluded, the session keeps its points: neither a new one nor a change.
        var current = await client.GetAsync<SessionResponse>($"/api/sessions/{session.Id}");
        using (var concluded = await client.PutJsonAsync($"/api/sessions/{session.Id}", new { jointBodyId = reference.Body.Id, number = session.Number, placeKind = "virtual", status = "concluded" }, $"\"{current.Version}\""))
        {
            await ApiClient.EnsureAsync(concluded, HttpStatusCode.OK);
        }

        using var refused = await client.PostJsonAsync("/api/session-points", new
        {
            jointBodyId = reference.Body.Id, sessionId = session.Id, kind = "noted", text = new { ar = "نص", en = "text" },
        });
        Assert.Equal("session-concluded", (string?)(await refused.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        using var changed = await client.PutJsonAsync($"/api/session-points/{second.Id}", new
        {
            jointBodyId = reference.Body.Id, sessionId = session.Id, trackId = reference.Health.Id, kind = "decided", text = new { ar = "نص", en = "text" },
        }, $"\"{second.Version}\"");
        await changed.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(PointKind.Agreed, (await client.GetAsync<SessionPointResponse>($"/api/session-points/{second.Id}")).Kind);
    }

    [Theory]
    [InlineData("""{"kind":"whispered"}""", "kind", 400)]
    [InlineData("""{"kind":null}""", "kind", 400)]
    [InlineData("""{"text":{"ar":"","en":""}}""", "text.ar", 400)]
    [InlineData("""{"saidByPartyId":"00000000-0000-0000-0000-000000000001"}""", "saidByPartyId", 422)]
    [InlineData("""{"agreementIds":["00000000-0000-0000-0000-000000000002"]}""", "agreementIds[0]", 422)]
    [InlineData("""{"actionItemIds":["00000000-0000-0000-0000-000000000003"]}""", "actionItemIds[0]", 422)]
    [InlineData("""{"trackId":"00000000-0000-0000-0000-000000000004"}""", "trackId", 422)]
    [InlineData("""{"position":-1}""", "position", 400)]
    public async Task ABadPoint_IsRefused_NamingItsField_AndNothingIsStored(string change, string field, int status)
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var body = new Dictionary<string, object?>
        {
            ["jointBodyId"] = reference.Body.Id, ["sessionId"] = reference.Session17.Id, ["trackId"] = reference.Health.Id, ["kind"] = "discussed",
            ["text"] = new { ar = "نقطة " + Guid.NewGuid().ToString("N"), en = "point" },
        };
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(change)!.AsObject())
        {
            body[key] = value;
        }

        var before = (await client.ListAsync<SessionPointResponse>($"/api/session-points?sessionId={reference.Session17.Id}")).Count;
        using var response = await client.PostJsonAsync("/api/session-points", body);
        var problem = await response.ProblemAsync((HttpStatusCode)status);
        Assert.Contains(problem["errors"]!.AsArray(), e => (string?)e!["field"] == field);
        Assert.Equal(before, (await client.ListAsync<SessionPointResponse>($"/api/session-points?sessionId={reference.Session17.Id}")).Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionPointsTestsOnSqlite(SqliteApp app) : SessionPointsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionPointsTestsOnPostgres(PostgresApp app) : SessionPointsTests(app);
