using System.IO.Compression;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Security;

/// <summary>
/// The isolation matrix, generated rather than listed. Kuwait plants national records of every kind that
/// can be national, and records that point at them, with a marker in every text (<see cref="NationalPlant"/>).
/// Then every role of the United Kingdom reads every GET route the program maps — each API operation of the
/// OpenAPI document with each national id in its path and in each of its id filters and the marker in its
/// text filters, every page with each national id in its path, and every page and export it can reach by
/// following links. No answer may hold the marker or a national id, and a national id must be answered
/// exactly as an id that names nothing (status, type and body, once the asked id is set aside).
/// </summary>
public abstract partial class IsolationSweepTests(EntenteApp app)
{
    [Fact]
    public async Task EveryApiOperation_ReadByEveryRoleOfTheOtherParty_HoldsNoNationalRecord_AndAnswersANationalIdAsAnAbsentOne()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var plant = await NationalPlant.PlantAsync(kuwait, reference);
        var openApi = await OpenApi.LoadAsync(kuwait);
        var nationalKinds = openApi.Operations.Where(o => o.Method == "POST" && !o.Path.Contains('{', StringComparison.Ordinal) && o.Body?["properties"]?["visibility"] is not null).Select(o => o.Path).ToList();
        Assert.True(nationalKinds.Count >= 9, $"Only {nationalKinds.Count} kinds of national record found in the OpenAPI document.");
        Assert.Empty(nationalKinds.Except(plant.Collections)); // a new kind of national record must be planted too

        var leaks = new Leaks(plant);
        var gets = openApi.Operations.Where(o => o.Method == "GET" && o.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();
        foreach (var (name, role, administrator) in Readers.EveryRole)
        {
            var (_, token) = await app.NewAccountAsync("GB", administrator, role, role == MemberRole.TrackLead ? [reference.Health.Id] : []);
            var reader = app.CreateClient(token, null);
            foreach (var operation in gets)
            {
                await SweepOperationAsync(reader, operation, plant, leaks, name);
            }

            // The agenda where a Kuwaiti briefing sits: no gap in the reader's positions or times betrays it.
            var agenda = await reader.ListAsync<Entente.Web.Features.Agenda.AgendaItemResponse>($"/api/agenda-items?sessionId={reference.Session17.Id}");
            if (!agenda.Select(a => a.Position).SequenceEqual(Enumerable.Range(1, agenda.Count)))
            {
                leaks.Found.Add($"{name}: the 17th session's agenda positions run {string.Join(",", agenda.Select(a => a.Position))}");
            }
        }

        Assert.True(leaks.Requests > 2000, $"Only {leaks.Requests} requests were made: the sweep is broken.");
        Assert.True(leaks.Found.Count == 0, string.Join(Environment.NewLine, leaks.Found.Distinct().Take(60)));
    }

    [Fact]
    public async Task EveryPage_ReadByTheOtherParty_HoldsNoNationalRecord_AndAnswersANationalIdAsAnAbsentOne()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var plant = await NationalPlant.PlantAsync(kuwait, reference);
        var kinds = app.Services.GetRequiredService<Entente.Web.Infrastructure.RecordPageSpecs>().All.Select(s => s.Kind).ToList();
        var pages = MappedRoute.Gets(app.Services).Where(r => r.IsPage && !r.Template.StartsWith("/account/sign-out", StringComparison.Ordinal)).ToList();
        var leaks = new Leaks(plant);
        foreach (var (name, role, administrator) in Readers.EveryRole.Where(r => r.Role is MemberRole.Viewer or MemberRole.Secretariat or MemberRole.TrackLead))
        {
            var (account, _) = await app.NewAccountAsync("GB", administrator, role, role == MemberRole.TrackLead ? [reference.Health.Id] : []);
            var reader = await PageSession.SignedInClientAsync(app, account);
            foreach (var page in pages)
            {
                foreach (var kind in page.Parameters.Any(p => p.Constraint == "recordkind") ? kinds : [string.Empty])
                {
                    string? Fill(Guid id) => page.Fill((parameter, constraint) => constraint switch
                    {
                        "recordkind" => kind,
                        "int" => "1",
                        _ when parameter == "bodyId" => reference.Body.Id.ToString("D"),
                        _ => id.ToString("D"),
                    });
                    if (page.Parameters.All(p => p.Name == "bodyId" || p.Constraint is "recordkind" or "int"))
                    {
                        await leaks.ReadAsync(reader, Fill(Guid.Empty)!, $"{name} {page.Template}");
                        continue;
                    }

                    var absent = await leaks.ReadAsync(reader, Fill(Guid.NewGuid())!, $"{name} {page.Template}");
                    foreach (var (what, id) in plant.Ids)
                    {
                        leaks.SameAs(absent, await leaks.ReadAsync(reader, Fill(id)!, $"{name} {page.Template} with the national {what}", id), $"{name} {page.Template} with the national {what}");
                    }

                    foreach (var id in plant.Shared)
                    {
                        await leaks.ReadAsync(reader, Fill(id)!, $"{name} {page.Template} with a record shared after it was national");
                    }
                }
            }

            await CrawlAsync(reader, reference, plant, leaks, name);
        }

        Assert.True(leaks.Requests > 500, $"Only {leaks.Requests} pages were read: the sweep is broken.");
        Assert.True(leaks.Found.Count == 0, string.Join(Environment.NewLine, leaks.Found.Distinct().Take(60)));
    }

    /// <summary>One GET operation: as listed, with each national id in each id parameter (path or filter) against an id that names nothing, with the marker in each text filter; and, for a record's own routes, on the records of its collection the reader does see.</summary>
    private async Task SweepOperationAsync(HttpClient reader, ApiOperation operation, NationalPlant plant, Leaks leaks, string role)
    {
        var where = $"{role} GET {operation.Path}";
        var paged = operation.QueryParameters.Any(p => p.Name == "pageSize") ? "pageSize=200" : string.Empty;
        string Url(string path, string query) => path + (query.Length > 0 ? "?" + query : string.Empty);
        string Join(params string[] parts) => string.Join('&', parts.Where(p => p.Length > 0));
        var exports = operation.QueryParameters.Any(p => p.Name == "format") ? new[] { "format=html&lang=en", "format=docx&lang=ar" } : [string.Empty];

        if (!operation.Path.Contains('{', StringComparison.Ordinal))
        {
            await leaks.ReadAsync(reader, Url(operation.Path, paged), where);
            foreach (var (name, format) in operation.QueryParameters)
            {
                if (format == "uuid")
                {
                    var absent = await leaks.ReadAsync(reader, Url(operation.Path, Join(paged, $"{name}={Guid.NewGuid()}")), where);
                    foreach (var (what, id) in plant.Ids)
                    {
                        leaks.SameAs(absent, await leaks.ReadAsync(reader, Url(operation.Path, Join(paged, $"{name}={id}")), $"{where} ?{name}= the national {what}", id), $"{where} ?{name}= the national {what}");
                    }

                    foreach (var id in plant.Shared)
                    {
                        await leaks.ReadAsync(reader, Url(operation.Path, Join(paged, $"{name}={id}")), $"{where} ?{name}= a record shared after it was national");
                    }
                }
                else if (name is "q" or "Q" or "name" or "field" or "code")
                {
                    await leaks.ReadAsync(reader, Url(operation.Path, Join(paged, $"{name}={plant.SearchWord}")), $"{where} ?{name}= a word of the national texts");
                }
                else if (name == "entityType")
                {
                    await using var scope = app.Scope(out var db);
                    foreach (var type in db.Model.GetEntityTypes().Select(t => t.ClrType.Name).Distinct())
                    {
                        await leaks.ReadAsync(reader, Url(operation.Path, Join(paged, $"entityType={type}")), $"{where} ?entityType={type}");
                    }
                }
            }

            return;
        }

        foreach (var export in exports)
        {
            var path = operation.Path.Replace("{number}", "1", StringComparison.Ordinal);
            var absent = await leaks.ReadAsync(reader, Url(path.Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal), export), where);
            foreach (var (what, id) in plant.Ids)
            {
                leaks.SameAs(absent, await leaks.ReadAsync(reader, Url(path.Replace("{id}", id.ToString(), StringComparison.Ordinal), export), $"{where} with the national {what}", id), $"{where} with the national {what}");
            }

            foreach (var id in plant.Shared)
            {
                await leaks.ReadAsync(reader, Url(path.Replace("{id}", id.ToString(), StringComparison.Ordinal), export), $"{where} with a record shared after it was national");
            }

            // The records of the collection the reader sees, read through this route.
            var collection = operation.Path[..operation.Path.IndexOf("/{", StringComparison.Ordinal)];
            if (await reader.GetAsync($"{collection}?pageSize=200", TestContext.Current.CancellationToken) is { IsSuccessStatusCode: true } list
                && JsonNode.Parse(await list.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))?["items"] is JsonArray items)
            {
                foreach (var visible in items.Select(i => (string?)i!["id"]).OfType<string>().Take(4))
                {
                    await leaks.ReadAsync(reader, Url(path.Replace("{id}", visible, StringComparison.Ordinal), export), $"{where} on {visible}");
                }
            }
        }
    }

    /// <summary>Every page and export the reader reaches by following links from the home page and the body's page, searched with a word of the national texts too.</summary>
    private static async Task CrawlAsync(HttpClient reader, Reference reference, NationalPlant plant, Leaks leaks, string role)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var perPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var queue = new Queue<string>(["/", $"/bodies/{reference.Body.Id}"]);
        while (queue.Count > 0 && seen.Count < 400)
        {
            var url = queue.Dequeue();
            var path = url.Split('?')[0];
            if (!seen.Add(url) || (perPath[path] = perPath.GetValueOrDefault(path) + 1) > 4)
            {
                continue;
            }

            var page = await leaks.ReadAsync(reader, url, $"{role} crawling {url}");
            if (page.Body.Length == 0 || !page.MediaType.Contains("html", StringComparison.Ordinal))
            {
                continue;
            }

            if (path.StartsWith("/bodies/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3 && !url.Contains("q=", StringComparison.Ordinal))
            {
                queue.Enqueue($"{path}?q={plant.SearchWord}");
            }

            foreach (var link in Links().Matches(page.Body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)))
            {
                if (link.StartsWith('/') && !link.StartsWith("//", StringComparison.Ordinal) && !Skipped().IsMatch(link))
                {
                    queue.Enqueue(link);
                }
            }
        }
    }

    [GeneratedRegex("href=\"([^\"#]+)")]
    private static partial Regex Links();

    /// <summary>Links that change the session or the reader's settings, printed PDFs (Chromium, slow; the same text as the HTML export), and static files.</summary>
    [GeneratedRegex("^/(account/(sign-out|language)|lib/|css/|js/)|format=pdf")]
    private static partial Regex Skipped();

    /// <summary>An answer as the sweep compares it: status, media type, and the body as text (a DOCX as its document's XML).</summary>
    private sealed record Answer(HttpStatusCode Status, string MediaType, string Body);

    /// <summary>Reads answers, and collects every one that holds the marker or a national id it was not asked about, and every national id answered otherwise than an absent one.</summary>
    private sealed partial class Leaks(NationalPlant plant)
    {
        private readonly string[] _ids = [.. plant.All.Select(id => id.ToString("D"))];

        public List<string> Found { get; } = [];

        public int Requests { get; private set; }

        public async Task<Answer> ReadAsync(HttpClient client, string url, string where, Guid? asked = null)
        {
            Requests++;
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            var body = mediaType.Contains("wordprocessingml", StringComparison.Ordinal) ? DocxText(bytes) : System.Text.Encoding.UTF8.GetString(bytes);
            var headers = string.Join('\n', response.Headers.Concat(response.Content.Headers).Where(h => h.Key is not ("Set-Cookie" or "Date")).SelectMany(h => h.Value));
            if ((int)response.StatusCode >= 500)
            {
                Found.Add($"{where}: {(int)response.StatusCode}");
            }

            foreach (var text in new[] { body, headers })
            {
                if (text.Contains(plant.Marker, StringComparison.Ordinal))
                {
                    Found.Add($"{where}: the marker ({url})");
                }

                foreach (var id in _ids.Where(id => asked?.ToString("D") != id && text.Contains(id, StringComparison.OrdinalIgnoreCase)))
                {
                    Found.Add($"{where}: the national id {id} ({url})");
                }
            }

            return new Answer(response.StatusCode, mediaType, Normalize(body, url));
        }

        public void SameAs(Answer absent, Answer national, string where)
        {
            if (absent != national)
            {
                Found.Add($"{where}: answered {(int)national.Status} {national.MediaType} unlike an absent id ({(int)absent.Status} {absent.MediaType}){Difference(absent.Body, national.Body)}");
            }
        }

        /// <summary>The body with the ids the request itself named, trace ids and antiforgery tokens set aside.</summary>
        private static string Normalize(string body, string url)
        {
            foreach (Match id in Guid().Matches(url))
            {
                body = body.Replace(id.Value, "{id}", StringComparison.OrdinalIgnoreCase);
            }

            return Volatile().Replace(body, "…");
        }

        private static string Difference(string a, string b)
        {
            var at = a.Zip(b).TakeWhile(p => p.First == p.Second).Count();
            return $": first difference at {at}: «{Around(a, at)}» / «{Around(b, at)}»";
        }

        private static string Around(string text, int at) => text.Substring(Math.Max(0, at - 40), Math.Min(120, text.Length - Math.Max(0, at - 40)));

        private static string DocxText(byte[] bytes)
        {
            using var zip = new ZipArchive(new MemoryStream(bytes));
            return string.Concat(zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).Select(e =>
            {
                using var reader = new StreamReader(e.Open());
                return reader.ReadToEnd();
            }));
        }

        [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
        private static partial Regex Guid();

        [GeneratedRegex("\"traceId\":\"[^\"]*\"|name=\"__csrf\" type=\"hidden\" value=\"[^\"]*\"|\"requestId\":\"[^\"]*\"")]
        private static partial Regex Volatile();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IsolationSweepTestsOnSqlite(SqliteApp app) : IsolationSweepTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IsolationSweepTestsOnPostgres(PostgresApp app) : IsolationSweepTests(app);
