using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.SessionPoints;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// A session's statement is written from what was of that session and true by its end: entering
/// later sessions (a renamed body, agreements signed later, a later session's own points, a next
/// session decided elsewhere) changes nothing in the reference session's regenerated statement,
/// and the later session's statement carries its own news, not the reference session's. Each
/// database runs on an instance of its own, since the test rewrites the reference body's future.
/// </summary>
public abstract class TimeAwareStatementTests(EntenteApp app)
{
    [Fact]
    public async Task TheReferenceStatement_IsTheSameText_AfterLaterSessionsAreEntered_AndTheLaterOneTellsOnlyItsOwnNews()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var before = await RegenerateAsync(client, reference.Session16.Id);

        await EnterLaterHistoryAsync(client, reference);

        var after = await RegenerateAsync(client, reference.Session16.Id);
        Assert.Equal(before.Ar, after.Ar);
        Assert.Equal(before.En, after.En);
        Assert.Contains("في إحدى العاصمتين (مدينة الكويت أو لندن)", after.Ar, StringComparison.Ordinal);
        Assert.Contains("A Memorandum of Understanding on Health Cooperation has been proposed.", after.En, StringComparison.Ordinal);

        var later = await RegenerateAsync(client, reference.Session17.Id);
        // Its own points, its own signature, the next session as it decided it, the name the body bore then.
        Assert.Contains("launching a structured trade dialogue between the two ministries", later.En, StringComparison.Ordinal);
        Assert.Contains("إطلاق حوار تجاري منتظم بين الوزارتين", later.Ar, StringComparison.Ordinal);
        Assert.Contains("The British side welcomed the first visit of a Kuwaiti trade delegation since 2019.", later.En, StringComparison.Ordinal);
        Assert.Contains("During the session, the two sides signed the Memorandum of Understanding on Health Cooperation.", later.En, StringComparison.Ordinal);
        Assert.Contains("وشهدت الدورة التوقيع على مذكرة تفاهم للتعاون في المجال الصحي", later.Ar, StringComparison.Ordinal);
        Assert.Contains("hold the 18th meeting of the Kuwait–UK Joint Steering Group in Manchester", later.En, StringComparison.Ordinal);
        Assert.Contains("concluded its 17th session of 2021", later.En, StringComparison.Ordinal);
        Assert.Contains("more than 122 years", later.En, StringComparison.Ordinal);
        // Nothing of the 16th session's news, nor of what came after the 17th.
        foreach (var old in new[] { "European Union", "COVID-19", "vaccine", "£3.4 billion", "17th meeting", "Renewable Energy", "Sport", "Joint Committee", "has been proposed" })
        {
            Assert.DoesNotContain(old, later.En, StringComparison.Ordinal);
        }

        foreach (var old in new[] { "الاتحاد الأوروبي", "فايروس كورونا", "3.4 مليار", "الطاقة المتجددة" })
        {
            Assert.DoesNotContain(old, later.Ar, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The body renamed in 2023; the 17th session held in London in September 2021, with its own
    /// points, the health MoU signed at it, the 18th decided for Manchester; an MoU signed in 2025;
    /// the cybersecurity MoU in force from 2024; an MoU signed in 2021, its day unknown; then the
    /// 17th concluded and the 18th proposed.
    /// </summary>
    private static async Task EnterLaterHistoryAsync(HttpClient client, Reference reference)
    {
        var body = await client.GetAsync<JointBodyResponse>($"/api/joint-bodies/{reference.Body.Id}");
        await PutAsync(client, $"/api/joint-bodies/{body.Id}", body.Version, new
        {
            kind = "joint-committee",
            name = new { ar = "اللجنة الكويتية البريطانية المشتركة", en = "Kuwait–UK Joint Committee" },
            established = body.Established,
            historyNote = body.HistoryNote,
            relationsSince = body.RelationsSince,
            partyIds = body.PartyIds,
            renamedOn = new { year = 2023, month = 3 },
        });

        var session17 = await client.GetAsync<SessionResponse>($"/api/sessions/{reference.Session17.Id}");
        // Held in London in September 2021, it decided the 18th for Manchester.
        object Session17(string status) => new
        {
            jointBodyId = body.Id,
            number = 17,
            year = 2021,
            startsOn = new { year = 2021, month = 9, day = 1 },
            endsOn = new { year = 2021, month = 9, day = 30 },
            placeKind = "city",
            placeName = new { ar = "لندن", en = "London" },
            status,
            nextPlaceKind = "city",
            nextPlaceName = new { ar = "مانشستر", en = "Manchester" },
        };
        await PutAsync(client, $"/api/sessions/{session17.Id}", session17.Version, Session17("open"));

        var trade = reference.Tracks.Single(t => t.Area == TrackArea.Trade);
        await client.CreateAsync<SessionPointResponse>("/api/session-points", new
        {
            jointBodyId = body.Id,
            sessionId = session17.Id,
            trackId = trade.Id,
            kind = "agreed",
            text = new { ar = "إطلاق حوار تجاري منتظم بين الوزارتين", en = "launching a structured trade dialogue between the two ministries" },
        });
        await client.CreateAsync<SessionPointResponse>("/api/session-points", new
        {
            jointBodyId = body.Id,
            sessionId = session17.Id,
            kind = "welcomed",
            saidByPartyId = reference.UnitedKingdom,
            text = new { ar = "أول زيارة لوفد تجاري كويتي منذ عام 2019", en = "the first visit of a Kuwaiti trade delegation since 2019" },
        });

        var agreements = await client.ListAsync<AgreementResponse>($"/api/agreements?jointBodyId={body.Id}");
        var health = agreements.Single(a => a.Title.En == "Memorandum of Understanding on Health Cooperation");
        await PutAsync(client, $"/api/agreements/{health.Id}", health.Version, AgreementBody(health, null, null,
        [
            new { status = "proposed", sessionId = (Guid?)reference.Session16.Id, on = (object?)null },
            new { status = "under-negotiation", sessionId = (Guid?)session17.Id, on = (object?)null },
            new { status = "agreed", sessionId = (Guid?)session17.Id, on = (object?)null },
            new { status = "signed", sessionId = (Guid?)session17.Id, on = (object?)new { year = 2021, month = 9, day = 30 } },
        ]));
        var cyber = agreements.Single(a => a.Title.En == "Memorandum of Understanding on Cybersecurity");
        await PutAsync(client, $"/api/agreements/{cyber.Id}", cyber.Version, AgreementBody(cyber, "in-force", new { year = 2024, month = 5, day = 1 }, null));
        await client.CreateAsync<AgreementResponse>("/api/agreements", new
        {
            jointBodyId = body.Id,
            kind = "memorandum-of-understanding",
            title = new { ar = "مذكرة تفاهم في مجال الطاقة المتجددة", en = "Memorandum of Understanding on Renewable Energy" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
            events = new[] { new { status = "signed", on = new { year = 2025, month = 3, day = 4 } } },
        });
        // Signed "in 2021", at no session: not known to be signed by the 17th's end in September 2021.
        await client.CreateAsync<AgreementResponse>("/api/agreements", new
        {
            jointBodyId = body.Id,
            kind = "memorandum-of-understanding",
            title = new { ar = "مذكرة تفاهم في مجال الرياضة", en = "Memorandum of Understanding on Sport" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
            events = new[] { new { status = "signed", on = new { year = 2021 } } },
        });

        session17 = await client.GetAsync<SessionResponse>($"/api/sessions/{session17.Id}");
        await PutAsync(client, $"/api/sessions/{session17.Id}", session17.Version, Session17("concluded"));
        using var next = await client.PostJsonAsync($"/api/sessions/{session17.Id}/next", new { placeKind = "virtual" });
        Assert.True(next.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Proposing the 18th answered {(int)next.StatusCode}");
        Assert.Equal(PlaceKind.City, (await client.GetAsync<SessionResponse>($"/api/sessions/{session17.Id}")).NextPlaceKind);
    }

    private static object AgreementBody(AgreementResponse a, string? status, object? inForceFrom, object[]? events) => new
    {
        jointBodyId = a.JointBodyId,
        trackId = a.TrackId,
        kind = Names.Kebab(a.Kind),
        title = a.Title,
        summary = a.Summary,
        status,
        signedOn = a.SignedOn,
        signedAt = a.SignedAt,
        inForceFrom,
        partyIds = a.PartyIds,
        events,
    };

    private static async Task PutAsync(HttpClient client, string url, long version, object body)
    {
        using var response = await client.PutJsonAsync(url, body, $"\"{version}\"");
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
    }

    private static async Task<(string Ar, string En)> RegenerateAsync(HttpClient client, Guid sessionId)
    {
        using var current = await client.GetAsync($"/api/sessions/{sessionId}/statement", TestContext.Current.CancellationToken);
        string? etag = null;
        if (current.StatusCode == HttpStatusCode.OK)
        {
            etag = $"\"{(await ApiClient.ReadAsync<StatementResponse>(current, HttpStatusCode.OK)).Version}\"";
        }

        using var response = await client.PostJsonAsync($"/api/sessions/{sessionId}/statement", new { }, etag);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Generating answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        var statement = await ApiClient.ReadAsync<StatementResponse>(response, response.StatusCode);
        return (statement.Text.Ar!, statement.Text.En!);
    }
}

public sealed class TimeAwareStatementTestsOnSqlite(SqliteApp app) : TimeAwareStatementTests(app), IClassFixture<SqliteApp>;

public sealed class TimeAwareStatementTestsOnPostgres(PostgresApp app) : TimeAwareStatementTests(app), IClassFixture<PostgresApp>;
