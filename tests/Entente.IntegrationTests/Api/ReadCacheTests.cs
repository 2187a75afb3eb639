using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Infrastructure;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// The read cache of the API (ADR 0013) on each database: a repeated read is served from memory (it carries an
/// <c>Age</c>), a save through any instance is seen by the very next read of every instance, one reader's kept
/// answer never reaches another, and a token revoked or an account deactivated is refused at once though its
/// lookup was kept.
/// </summary>
public abstract class ReadCacheTests(EntenteApp app)
{
    [Fact]
    public async Task ARepeatedRead_IsServedFromMemory_AndASaveThroughAnotherInstance_IsReadAtOnce()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (item, etag) = await Reference.CreateItemAsync(client, reference.NewItem("Cached title " + Guid.NewGuid().ToString("N")[..8]));
        var one = $"/api/action-items/{item.Id}";
        var list = $"/api/action-items?jointBodyId={reference.Body.Id}&trackId={reference.Health.Id}&sort=-updated&pageSize=5";

        await ReadAsync(client, one);
        var (again, age) = await ReadAsync(client, one);
        Assert.NotNull(age); // the second read came from the cache
        Assert.Equal(item.Title.En, again.Title.En);
        await ReadAsync(client, list);

        // Another instance on the same database changes the title: this instance's next reads show it.
        await using var other = app.NewInstance();
        var writer = other.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.DefaultToken);
        var renamed = "Renamed through the other instance " + Guid.NewGuid().ToString("N")[..8];
        var body = reference.NewItem(renamed);
        using (var put = await writer.PutJsonAsync(one, body, etag))
        {
            await ApiClient.EnsureAsync(put, HttpStatusCode.OK);
        }

        var (after, ageAfter) = await ReadAsync(client, one);
        Assert.Null(ageAfter);
        Assert.Equal(renamed, after.Title.En);
        var page = await client.GetAsync<PageOf<ActionItemResponse>>(list);
        Assert.Equal(after.Title.En, page.Items[0].Title.En);
        Assert.Equal(after.Version, page.Items[0].Version);
    }

    [Fact]
    public async Task TheSameAddress_ReadByTheOtherParty_IsNotTheKeptAnswerOfTheFirst()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var marker = "KWCACHED" + Guid.NewGuid().ToString("N")[..10];
        var national = reference.NewItem(marker);
        national["visibility"] = "national";
        national["ownerPartyId"] = reference.Kuwait;
        var (item, _) = await Reference.CreateItemAsync(kuwait, national);
        var list = $"/api/action-items?jointBodyId={reference.Body.Id}&trackId={reference.Health.Id}&sort=-updated&pageSize=50";

        Assert.Contains((await kuwait.GetAsync<PageOf<ActionItemResponse>>(list)).Items, i => i.Id == item.Id);
        var (_, age) = await ReadRawAsync(kuwait, list);
        Assert.NotNull(age);

        foreach (var (_, role, administrator) in Readers.EveryRole)
        {
            var (_, token) = await app.NewAccountAsync("GB", administrator, role, role == MemberRole.TrackLead ? [reference.Health.Id] : []);
            var reader = app.CreateClient(token, null);
            var (text, _) = await ReadRawAsync(reader, list);
            Assert.DoesNotContain(marker, text, StringComparison.Ordinal);
            Assert.DoesNotContain(item.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
            using var direct = await reader.GetAsync($"/api/action-items/{item.Id}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.NotFound, direct.StatusCode);
        }
    }

    [Fact]
    public async Task ARevokedToken_IsRefused_AtItsNextRead_ThoughItsAnswersAndItsLookupWereKept()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (_, token) = await app.NewAccountAsync("KW", false, MemberRole.Secretariat);
        var owner = app.CreateClient(token, null);
        var created = await owner.CreateAsync<Entente.Web.Features.Accounts.NewApiTokenResponse>("/api/api-tokens", new { name = "poller", days = 5 });
        var poller = app.CreateClient(created.Token, null);
        var url = $"/api/tracks?jointBodyId={reference.Body.Id}";
        await ReadRawAsync(poller, url);
        Assert.NotNull((await ReadRawAsync(poller, url)).Age);

        using (var revoke = await owner.PostAsync($"/api/api-tokens/{created.Id}/revoke", null, TestContext.Current.CancellationToken))
        {
            await ApiClient.EnsureAsync(revoke, HttpStatusCode.OK);
        }

        using var refused = await poller.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task TheDashboardPage_KeptWhileNothingIsSaved_ShowsAnItemSavedThroughAnotherInstance_AtItsNextRead()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (account, _) = await app.NewAccountAsync("GB", false, MemberRole.Viewer);
        var viewer = await PageSession.SignedInClientAsync(app, account);
        var page = $"/bodies/{reference.Body.Id}";
        var before = await viewer.GetStringAsync(page, ct);
        var kept = await viewer.GetStringAsync(page, ct); // read again: the dashboard is now kept for the reader's party

        await using var other = app.NewInstance();
        var writer = other.CreateClient();
        writer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.DefaultToken);
        var title = "Due soon " + Guid.NewGuid().ToString("N")[..10];
        var soon = reference.NewItem(title);
        soon["dueOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await Reference.CreateItemAsync(writer, soon);

        Assert.DoesNotContain(title, before, StringComparison.Ordinal);
        Assert.DoesNotContain(title, kept, StringComparison.Ordinal);
        Assert.Contains("Joint Steering Group", kept, StringComparison.Ordinal);
        Assert.Contains(title, await viewer.GetStringAsync(page, ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AListNarrowedByWords_AndSearch_AreNotKept()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        foreach (var url in new[] { $"/api/action-items?jointBodyId={reference.Body.Id}&q=hospital", "/api/search?q=hospital" })
        {
            await ReadRawAsync(client, url);
            Assert.Null((await ReadRawAsync(client, url)).Age);
        }
    }

    private static async Task<(ActionItemResponse Item, TimeSpan? Age)> ReadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        var item = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<ActionItemResponse>(response.Content, ApiClient.Json, TestContext.Current.CancellationToken))!;
        return (item, response.Headers.Age);
    }

    private static async Task<(string Text, TimeSpan? Age)> ReadRawAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        return (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), response.Headers.Age);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReadCacheTestsOnSqlite(SqliteApp app) : ReadCacheTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReadCacheTestsOnPostgres(PostgresApp app) : ReadCacheTests(app);
