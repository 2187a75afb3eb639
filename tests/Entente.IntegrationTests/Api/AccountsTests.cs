using System.Net;
using System.Net.Http.Json;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>API tokens: made, shown once, stored as a hash, listed, revoked; refused when unknown, revoked or expired.</summary>
public abstract class AccountsTests(EntenteApp app)
{
    [Fact]
    public async Task Me_WithAToken_IsTheTokensAccountAndParty()
    {
        var (account, token) = await app.NewAccountAsync("GB");

        var me = await app.CreateClient(token, null).GetAsync<MeResponse>("/api/me");

        Assert.Equal((account.Id, account.PartyId, false), (me.Id, me.PartyId, me.IsAdministrator));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ent_not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Me_WithoutAValidToken_Is401ProblemWithBearerChallenge(string? token)
    {
        var client = app.CreateClient(token: null, language: null);
        if (token is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token.StartsWith("Basic", StringComparison.Ordinal) ? token : "Bearer " + token);
        }

        using var response = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_IsStoredOnlyAsItsHash_ListedByName_AndRefusedOnceRevoked()
    {
        var (_, token) = await app.NewAccountAsync("KW");
        var client = app.CreateClient(token, null);
        var created = await client.CreateAsync<NewApiTokenResponse>("/api/api-tokens", new { name = "reporting script", days = 30 });

        await using (var scope = app.Scope(out var db))
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.Id == created.Id, TestContext.Current.CancellationToken);
            Assert.Equal(ApiTokens.Hash(created.Token), stored.TokenHash);
            Assert.DoesNotContain(created.Token, stored.TokenHash, StringComparison.Ordinal);
        }

        var second = app.CreateClient(created.Token, null);
        Assert.Contains(await second.GetAsync<List<ApiTokenResponse>>("/api/api-tokens"), t => t.Name == "reporting script" && t.RevokedAt is null);

        using var revoke = await client.PostAsync($"/api/api-tokens/{created.Id}/revoke", null, TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(revoke, HttpStatusCode.OK);
        using var after = await second.GetAsync("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task Token_PastItsExpiry_IsRefused()
    {
        var (account, token) = await app.NewAccountAsync("GB");
        await using (var scope = app.Scope(out var db))
        {
            var stored = await db.ApiTokens.SingleAsync(t => t.AccountId == account.Id, TestContext.Current.CancellationToken);
            stored.ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        using var response = await app.CreateClient(token, null).GetAsync("/api/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task RevokingAnotherAccountsToken_Is404()
    {
        var (owner, _) = await app.NewAccountAsync("KW");
        var (_, intruder) = await app.NewAccountAsync("GB");
        Guid tokenId;
        await using (var scope = app.Scope(out var db))
        {
            tokenId = (await db.ApiTokens.SingleAsync(t => t.AccountId == owner.Id, TestContext.Current.CancellationToken)).Id;
        }

        using var response = await app.CreateClient(intruder, null).PostAsync($"/api/api-tokens/{tokenId}/revoke", null, TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AuditChain_RecordsThatAPasswordChanged_NeverTheHash()
    {
        var (account, _) = await app.NewAccountAsync("KW");

        await using var scope = app.Scope(out var db);
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "Account" && a.EntityKey == account.Id.ToString(), TestContext.Current.CancellationToken);
        Assert.Contains("\"passwordHash\":\"[redacted]\"", entry.After, StringComparison.Ordinal);
        Assert.DoesNotContain(account.PasswordHash!, entry.After!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateToken_WithBadDays_Is400()
    {
        using var response = await app.CreateClient().PostAsJsonAsync("/api/api-tokens", new { name = "x", days = 1000 }, TestContext.Current.CancellationToken);

        Assert.Equal("days", (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountsTestsOnSqlite(SqliteApp app) : AccountsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountsTestsOnPostgres(PostgresApp app) : AccountsTests(app);
