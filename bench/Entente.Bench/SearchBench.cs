using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Entente.Data;
using Entente.Data.Search;
using Entente.Domain;
using Entente.Relevance;
using Entente.Web.Features.Accounts;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Bench;

/// <summary>
/// Search figures: the relevance set's recall@10, MRR and nDCG@10 beside the baseline of folded words without
/// stemming (the program hosted in memory on a new database with the demo data), and the latency of searches
/// at the scale the generator fills, read as a party's secretariat would read them.
/// </summary>
public static class SearchBench
{
    /// <summary>Loads the relevance set into a new instance and prints its figures; 0 when it ran.</summary>
    /// <param name="setPath">Another set of the same form (a held-out one); the repository's own by default.</param>
    public static async Task<int> RelevanceAsync(string? postgres, string? setPath = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "entente-relevance-" + Guid.NewGuid().ToString("N")[..8]);
        // The program's content root (its pages and static files), found above the bench's own folder.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "src", "Entente.Web", "Entente.Web.csproj")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ENTENTE_WEB", Path.Combine(root?.FullName ?? ".", "src", "Entente.Web"));
        // Any type of the program's assembly names its entry point (the bench has a Program of its own).
        await using var factory = new WebApplicationFactory<Web.Features.Search.SearchHandler>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("ENTENTE_DATA_DIR", dataDir);
            builder.UseSetting("ConnectionStrings:Postgres", postgres ?? string.Empty);
            builder.UseSetting("Logging:LogLevel:Default", "Error");
        });
        var ct = CancellationToken.None;
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await SecretariatTokenAsync(factory.Services, ct));

        var set = RelevanceSet.Read(setPath ?? RelevanceSet.Locate());
        var loading = Stopwatch.StartNew();
        await set.LoadAsync(client, await RelevanceSet.PredefinedAsync(client, ct), ct);
        Console.WriteLine($"Relevance set: {set.RecordCount} records loaded through the API in {loading.Elapsed.TotalSeconds:F1} s, {set.Queries.Count} queries ({set.Queries.Count(q => q.Language == "ar")} Arabic)");
        Console.WriteLine();

        var timing = Stopwatch.StartNew();
        var outcomes = await set.RunAsync(client, ct);
        var perQuery = timing.Elapsed.TotalMilliseconds / outcomes.Count;
        Console.WriteLine(RelevanceSet.Report("Entente search (ADR 0011)", outcomes));

        List<SearchEntry> entries;
        await using (var scope = ActorScopes.CreateSystemScope(factory.Services, "bench"))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var kuwait = await db.Parties.Where(p => p.Code == "KW").Select(p => p.Id).SingleAsync(ct);
            entries = await db.SearchEntries.AsNoTracking().Where(e => e.Visibility == Visibility.Joint || e.OwnerPartyId == kuwait).ToListAsync(ct);
        }

        var baseline = set.Queries.Select(q =>
        {
            var kinds = q.Filters.Split('&').Where(f => f.StartsWith("type=", StringComparison.Ordinal)).SelectMany(f => f[5..].Split(',')).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var scoped = kinds.Count == 0 ? entries : [.. entries.Where(e => kinds.Contains(e.Kind) || kinds.Contains(Web.Features.Search.SearchHandler.Kebab(e.Kind)))];
            return set.Score(q, BaselineSearch.Rank(scoped, q.Q, RelevanceSet.Depth));
        }).ToList();
        Console.WriteLine(RelevanceSet.Report("Baseline: folded words, no stemming, BM25", baseline));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Entente answered the {outcomes.Count} queries in {perQuery:F1} ms each on average (in memory, {(postgres is null ? "SQLite" : "PostgreSQL")}, the demo data and the set: {entries.Count} entries)."));
        var failures = RelevanceSet.Failures(outcomes).ToList();
        if (failures.Count > 0)
        {
            Console.WriteLine();
            Console.WriteLine("Queries that fell short:");
            failures.ForEach(f => Console.WriteLine("  " + f));
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(dataDir))
        {
            Directory.Delete(dataDir, recursive: true);
        }

        return 0;
    }

    /// <summary>
    /// Times searches on a filled database as the secretariat of the first generated party reads them (its bodies
    /// only, its visibility rules): within one body and across all of its bodies; 200 timed runs after 10 to warm up.
    /// </summary>
    public static async Task LatencyAsync(Func<IAuditActor, AppDbContext> newContext, Scale scale)
    {
        var reader = new PartyReader(scale.PartyIds[0]);
        Guid body;
        int bodies;
        await using (var db = newContext(reader))
        {
            body = await db.JointBodies.Select(b => b.Id).OrderBy(b => b).FirstAsync();
            bodies = await db.JointBodies.CountAsync();
        }

        var cases = new (string Name, string Q, Guid? Body)[]
        {
            ("search: one body, one Arabic word (1 in 40)", "المستشفيات", body),
            ("search: one body, two Arabic words, hamza folded", "الامن السيبرانى", body),
            ("search: one body, English phrase", "\"renewable energy\"", body),
            ("search: my bodies, one Arabic word", "المستشفيات", null),
            ("search: my bodies, two words, hamza folded", "الامن السيبرانى", null),
            ("search: my bodies, English, stemmed", "scholarship", null),
            ("search: my bodies, a word no record has", "زلزال", null),
        };
        Console.WriteLine();
        Console.WriteLine($"Search, as a secretariat of one party (member of {bodies} of the {scale.BodyIds.Count} bodies), first page of 20 with facets:");
        Console.WriteLine($"{"query",-52} {"total",9} {"p50 ms",8} {"p99 ms",8} {"max ms",8}");
        foreach (var (name, q, scope) in cases)
        {
            var total = 0;
            var timings = new List<double>();
            for (var run = 0; run < 210; run++)
            {
                var watch = Stopwatch.StartNew();
                await using var db = newContext(reader);
                total = (await SearchReader.RunAsync(db, SearchQuery.Parse(q), new SearchScope(JointBodyId: scope), 0, 20, CancellationToken.None)).Total;
                if (run >= 10)
                {
                    timings.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            timings.Sort();
            Console.WriteLine($"{name,-52} {total,9} {timings[timings.Count / 2],8:F1} {timings[(int)(timings.Count * 0.99) - 1],8:F1} {timings[^1],8:F1}");
        }
    }

    /// <summary>A new Kuwaiti administrator who is a secretariat of the reference body, and an API token of it.</summary>
    private static async Task<string> SecretariatTokenAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = ActorScopes.CreateSystemScope(services, "bench");
        var (account, _, errors) = await scope.ServiceProvider.GetRequiredService<AccountCreation>().CreateAsync($"bench-{Guid.NewGuid():N}@bench.local", "KW", null, true, ct);
        if (account is null)
        {
            throw new InvalidOperationException(string.Join(" ", errors));
        }

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var body = await db.JointBodies.SingleAsync(b => b.Name.En == "Kuwait–UK Joint Steering Group", ct);
        db.Memberships.Add(new Membership { AccountId = account.Id, JointBodyId = body.Id, Role = MemberRole.Secretariat });
        await db.SaveChangesAsync(ct);
        return (await scope.ServiceProvider.GetRequiredService<ApiTokens>().CreateAsync(account, "bench", 1, ct)).Token;
    }

    /// <summary>A secretariat of one party, as the data context's filters see it.</summary>
    private sealed class PartyReader(Guid party) : IAuditActor
    {
        public string Actor => "bench-reader";

        public Guid? AccountId => null;

        public Guid? PartyId => party;

        public string? RequestId => null;

        public bool IsSystem => false;

        public bool IsAdministrator => false;
    }
}
