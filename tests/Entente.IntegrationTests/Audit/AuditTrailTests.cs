using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Audit;

/// <summary>Every write is in the audit chain, in the same transaction; a refused write adds nothing.</summary>
public abstract class AuditTrailTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Update_IsRecordedWithBeforeAndAfter_InTheRecordsHistory()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, etag) = await Reference.CreateItemAsync(_client, reference.NewItem("Before the edit"));
        using var response = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("After the edit"), etag);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);

        var history = await _client.ListAsync<AuditEntryResponse>($"/api/audit-entries?recordId={item.Id}&entityType=ActionItem");

        Assert.Equal([AuditAction.Create, AuditAction.Update], history.Select(h => h.Action));
        var update = history[1];
        Assert.Equal(("Before the edit", "After the edit"), ((string?)update.Before!["title"]!["en"], (string?)update.After!["title"]!["en"]));
        Assert.Equal((1L, 2L), ((long?)update.Before["version"], (long?)update.After["version"]));
        Assert.False(string.IsNullOrEmpty(update.RequestId));
        Assert.True(update.At >= history[0].At);
        Assert.Equal((64, (Guid?)reference.Kuwait), (update.Hash.Length, update.ActorPartyId));
        Assert.EndsWith("@test.local", update.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RowsOfARecord_CarryTheRecordsId_AndItsVisibility()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.Kuwait;
        var (item, _) = await Reference.CreateItemAsync(_client, body);

        await using var scope = app.Scope(out var db);
        var owners = await db.AuditEntries.Where(a => a.RecordId == item.Id && a.EntityType == "ActionItemOwner").ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, owners.Count);
        Assert.All(owners, o => Assert.Equal((Visibility.National, (Guid?)reference.Kuwait), (o.Visibility, o.OwnerPartyId)));
    }

    [Fact]
    public async Task RefusedWrite_AddsNoAuditEntry()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, _) = await Reference.CreateItemAsync(_client, reference.NewItem());
        var before = await HeadAsync();

        using var stale = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("Stale"), "\"7\"");
        var invalid = reference.NewItem();
        invalid["title"] = new { ar = string.Empty, en = " " };
        using var refused = await _client.PostJsonAsync("/api/action-items", invalid);

        Assert.Equal((HttpStatusCode.PreconditionFailed, HttpStatusCode.BadRequest), (stale.StatusCode, refused.StatusCode));
        Assert.Equal(before, await HeadAsync());
    }

    [Fact]
    public async Task ConcurrentWrites_AllSucceed_AndTheChainStaysWhole()
    {
        var reference = await Reference.LoadAsync(_client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            using var response = await app.CreateClient().PostJsonAsync("/api/action-items", reference.NewItem($"Concurrent {i}"));
            return response.StatusCode;
        }));

        Assert.All(responses, s => Assert.Equal(HttpStatusCode.Created, s));
        await using var scope = app.Scope(out var db);
        Assert.Null((await new AuditHandler(db).VerifyAsync(TestContext.Current.CancellationToken)).Fault);
    }

    [Fact]
    public async Task Chain_AfterAllTheseWrites_IsWhole()
    {
        await using var scope = app.Scope(out var db);

        var result = await new AuditHandler(db).VerifyAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.Fault);
        Assert.True(result.Verified > 100, $"Only {result.Verified} entries: the demo data alone writes more.");
    }

    private async Task<long> HeadAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.AuditEntries.MaxAsync(a => a.Sequence, TestContext.Current.CancellationToken);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditTrailTestsOnSqlite(SqliteApp app) : AuditTrailTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditTrailTestsOnPostgres(PostgresApp app) : AuditTrailTests(app);
