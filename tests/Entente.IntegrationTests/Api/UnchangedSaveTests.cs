using System.Net;
using System.Text.Json.Nodes;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// A form saved as it was read changes nothing: the record keeps its version (so the other party's open
/// form is not made stale by it) and the audit chain gets no entry; a real change still does both.
/// </summary>
public abstract class UnchangedSaveTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task EveryKindOfRecord_SavedFromItsPageAsItWasRead_KeepsItsVersion_AndAddsNoAuditEntry()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(_client);
        // A record of every kind in an open session: an item and a plan of their own, the reference body's records for the rest.
        await Reference.CreateItemAsync(_client, reference.NewItem("Saved as read"));
        var meeting = await _client.CreateAsync<JsonObject>("/api/meetings", new
        {
            sessionId = reference.Session17.Id,
            kind = "preparatory",
            title = new { ar = "اجتماع يُحفظ كما قُرئ", en = "A meeting saved as read" },
            date = new { year = 2021, month = 5 },
            format = "video-conference",
        });
        await _client.CreateAsync<JsonObject>("/api/documents", new { jointBodyId = reference.Body.Id, kind = "roadmap", title = new { ar = "وثيقة تُحفظ كما قُرئت", en = "A document saved as read" }, meetingId = meeting["id"]!.GetValue<string>() });
        await _client.CreateAsync<JsonObject>("/api/action-plans", new { sessionId = reference.Session17.Id, title = new { ar = "خطة تُحفظ كما قُرئت", en = "A plan saved as read" }, planVersion = 900 + Random.Shared.Next(90_000) });
        var saved = new List<string>();
        var refused = new List<string>();
        await using var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(app.Services, "tests");
        foreach (var spec in scope.ServiceProvider.GetRequiredService<RecordPageSpecs>().All.OrderBy(s => s.Kind, StringComparer.Ordinal))
        {
            var (items, _) = await spec.ListAsync(scope.ServiceProvider, reference.Body.Id, new Dictionary<string, string?>(), Paging.From(1, 50), ct);
            foreach (var item in items)
            {
                var id = Guid.Parse(item["id"]!.GetValue<string>());
                var record = await spec.GetAsync(scope.ServiceProvider, id, ct);
                var version = record["version"]!.GetValue<long>();
                var checks = new Checks();
                // Read as the record's own party would (a national record is saved by its party only).
                var party = Guid.TryParse(record["ownerPartyId"]?.GetValue<string>(), out var owner) ? owner : reference.Kuwait;
                var request = RecordForm.FromRecord(spec, record).ToRequest(spec, record, reference.Body.Id, party, checks);
                Assert.Empty(checks.Errors);
                var head = await HeadAsync();
                JsonObject after;
                try
                {
                    after = await spec.UpdateAsync(scope.ServiceProvider, version, id, request, ct);
                }
                catch (ApiErrorException e) when (e.Error is ApiError.Rules rules && rules.Errors.All(r => r.Code is "session-concluded" or "plan-locked" or "statement-locked"))
                {
                    // A concluded session's records and a signed plan refuse any save: that rule is not this test's.
                    refused.Add(spec.Kind);
                    continue;
                }
                catch (ApiErrorException e) when (e.Error is ApiError.Rules rules)
                {
                    Assert.Fail($"A {spec.Kind} ({id}) saved as read was refused: {string.Join("; ", rules.Errors.Select(r => $"{r.Field}: {r.Message}"))}");
                    throw;
                }

                Assert.True(version == after["version"]!.GetValue<long>(), $"A {spec.Kind} saved as read went from version {version} to {after["version"]}.");
                Assert.True(head == await HeadAsync(), $"A {spec.Kind} saved as read wrote to the audit chain.");
                saved.Add(spec.Kind);
                break;
            }
        }

        Assert.True(saved.Distinct().Count() >= 10, $"Only {string.Join(", ", saved)} could be saved as read; refused: {string.Join(", ", refused.Distinct())}.");
    }

    [Fact]
    public async Task AnItemPutAsItIs_KeepsItsETag_WhileAChangedOneTakesTheNext()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem("Put as it is");
        var (item, etag) = await Reference.CreateItemAsync(_client, body);
        var head = await HeadAsync();

        using var same = await _client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);
        await ApiClient.EnsureAsync(same, HttpStatusCode.OK);
        Assert.Equal((etag, head), (same.Headers.ETag?.Tag, await HeadAsync()));

        body["dueOn"] = "2021-11-30";
        using var changed = await _client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);
        await ApiClient.EnsureAsync(changed, HttpStatusCode.OK);
        Assert.Equal("\"2\"", changed.Headers.ETag?.Tag);
        Assert.True(await HeadAsync() > head);

        // The first ETag is stale now: a save as it was read then is refused, not taken as a no-op.
        body["dueOn"] = "2021-10-31";
        using var stale = await _client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
    }

    private async Task<long> HeadAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.AuditEntries.MaxAsync(a => a.Sequence, TestContext.Current.CancellationToken);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class UnchangedSaveTestsOnSqlite(SqliteApp app) : UnchangedSaveTests(app);

[Collection(PostgresCollection.Name)]
public sealed class UnchangedSaveTestsOnPostgres(PostgresApp app) : UnchangedSaveTests(app);
