using System.Net;
using System.Text.Json.Nodes;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Platform;

/// <summary>What the program offers besides records: the OpenAPI document, health, and a schema that matches its migrations.</summary>
public abstract class PlatformTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task OpenApiDocument_DescribesEveryApiRoute()
    {
        var document = JsonNode.Parse(await _client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken))!;
        var documented = document["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText!)
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => System.Text.RegularExpressions.Regex.Replace(r, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/'))
            .ToHashSet();

        Assert.Equal("3.1.1", (string?)document["openapi"]);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        Assert.NotNull(document["security"]![0]!["bearer"]);
        var undocumented = mapped.Where(r => !documented.Contains(r) && !documented.Contains(r + "/")).ToList();
        Assert.True(undocumented.Count == 0, "Not in the OpenAPI document: " + string.Join(", ", undocumented));
        Assert.Superset(
            new[] { "joint-bodies", "sessions", "meetings", "tracks", "agreements", "action-items", "obstacles", "indicators", "engagements", "notes", "parties" }
                .SelectMany(r => new[] { $"/api/{r}", $"/api/{r}/{{id}}" }).ToHashSet(),
            mapped);
    }

    [Theory]
    [InlineData("/api/joint-bodies")]
    [InlineData("/api/agreements/not-a-guid")]
    [InlineData("/api/sessions?status=bogus")]
    [InlineData("/health/ready")]
    [InlineData("/openapi/v1.json")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task DataProtectionKeys_AreInTheDatabase_SoASecondInstanceReadsWhatTheFirstProtected()
    {
        var first = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");
        var protectedText = first.Protect("قرار اللجنة");
        await using var second = app.NewInstance();

        var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText);

        Assert.Equal("قرار اللجنة", read);
        await using var scope = app.Scope(out var db);
        Assert.NotEmpty(await db.DataProtectionKeys.ToListAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.EntityType).Distinct().ToListAsync(TestContext.Current.CancellationToken), t => t == "DataProtectionKey");
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy(string url)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "Healthy"), (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task Database_HasEveryMigrationApplied_AndTheModelHasNoChangeWithoutAMigration()
    {
        await using var scope = app.Scope(out var db);

        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: run scripts/add-migration.sh NAME.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PlatformTestsOnSqlite(SqliteApp app) : PlatformTests(app)
{
    [Fact]
    public void Database_IsAFileUnderTheDataDirectory() =>
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "entente.db")));
}

[Collection(PostgresCollection.Name)]
public sealed class PlatformTestsOnPostgres(PostgresApp app) : PlatformTests(app);
