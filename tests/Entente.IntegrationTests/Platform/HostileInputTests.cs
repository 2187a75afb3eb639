using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Platform;

/// <summary>
/// Every write route the program maps that reads a body, sent malformed and hostile bodies: none may answer
/// 500, every refusal is problem details, and nothing is written.
/// </summary>
public abstract class HostileInputTests(EntenteApp app)
{
    private static readonly string[] Bodies =
    [
        string.Empty,
        "{",
        "null",
        "[]",
        "\"text\"",
        "42",
        "{}",
        "{\"jointBodyId\":null,\"title\":null,\"sessionId\":null,\"status\":null}",
        "{\"jointBodyId\":\"nope\",\"title\":\"flat\",\"partyIds\":\"x\",\"dueOn\":\"yesterday\",\"number\":\"sixteen\"}",
        "{\"number\":1e400,\"percentComplete\":99999999999999999999}",
        "{\"title\":{\"ar\":5,\"en\":[]},\"values\":[{\"value\":\"x\"}],\"names\":[1,2],\"coChairs\":{}}",
        "{\"startsOn\":{\"year\":-5,\"month\":14,\"day\":40,\"inferred\":[\"century\"]},\"status\":\"in-force\",\"kind\":\"treaty\"}",
        "{\"title\":{\"ar\":\"\\u0000\",\"en\":\"\\ud800\"},\"text\":\"\\u0000\",\"code\":\"\\ud800\"}",
        new string('[', 5000) + new string(']', 5000),
        "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 300)) + "1" + new string('}', 301),
    ];

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task EveryWriteRoute_HostileBodies_NeverAnswer500_AndChangeNothing()
    {
        var before = await AuditHeadAsync();
        var failures = new List<string>();
        foreach (var (method, route) in WriteRoutes())
        {
            var url = await ResolveAsync(route);
            foreach (var body in Bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
                var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if ((int)response.StatusCode >= 500 || response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{method} {url} with {Shorten(body)} → {(int)response.StatusCode} {Shorten(text)}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.Equal(before, await AuditHeadAsync());
    }

    [Theory]
    [InlineData("\\u0000", "invalid-text")]
    [InlineData("line\\u0007bell", "invalid-text")]
    [InlineData("\\ud800", "invalid-json")]
    public async Task Post_TextWithControlCharacterOrBrokenUnicode_Is400NamingTheText(string escapedBad, string code)
    {
        var reference = await Reference.LoadAsync(_client);
        var json = $"{{\"jointBodyId\":\"{reference.Body.Id}\",\"trackId\":\"{reference.Health.Id}\",\"title\":{{\"ar\":\"نص\",\"en\":\"{escapedBad}\"}}}}";

        using var response = await _client.PostAsync("/api/action-items", new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal((code, "title.en"), ((string?)problem["code"], (string?)problem["field"]));
    }

    private IEnumerable<(string Method, string Route)> WriteRoutes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (m, e.RoutePattern.RawText!)))
            .Where(r => r.m is "POST" or "PUT")
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal);

    /// <summary>Puts the id of an existing record into a route's <c>{id}</c>, so that the hostile body reaches the handler's checks.</summary>
    private async Task<string> ResolveAsync(string route)
    {
        var braces = route.IndexOf('{', StringComparison.Ordinal);
        if (braces < 0)
        {
            return route;
        }

        var collection = route[..(braces - 1)];
        var list = JsonNode.Parse(await _client.GetStringAsync($"{collection}?pageSize=200", TestContext.Current.CancellationToken))!;
        var items = list is JsonArray array ? array : list["items"]!.AsArray();

        // A session's sub-routes take an empty body as a whole request (build the agenda, propose the next session): they
        // are aimed at the 17th session, which has its agenda and is not concluded, so that only the body's faults are tested.
        var id = collection == "/api/sessions"
            ? (string?)items.First(s => (int?)s!["number"] == 17)!["id"]
            : (string?)items[0]!["id"];
        return collection + "/" + id + route[(route.IndexOf('}', StringComparison.Ordinal) + 1)..];
    }

    /// <summary>The head of the audit chain: every saved change adds to it, so an unchanged head means nothing was written.</summary>
    private async Task<long> AuditHeadAsync()
    {
        await using var scope = app.Scope(out var db);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.AuditEntries, a => a.Sequence, TestContext.Current.CancellationToken);
    }

    private static string Shorten(string text) => text.Length > 160 ? text[..160] + "…" : text;
}

[Collection(SqliteCollection.Name)]
public sealed class HostileInputTestsOnSqlite(SqliteApp app) : HostileInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class HostileInputTestsOnPostgres(PostgresApp app) : HostileInputTests(app);
