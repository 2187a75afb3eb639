using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Entente.Bench;
using Entente.Data;
using Entente.Web.Data;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;

// Measures the list queries of the API at the scale the model is sized for: 200 joint bodies,
// 4,000 sessions and 1,000,000 action items (2,000,000 owner rows). Prints figures; asserts nothing.
//   dotnet run -c Release --project bench/Entente.Bench -- [--items N] [--postgres "Host=…"] [--measure-only]
// --measure-only queries a database a previous run filled (on PostgreSQL, the one named) instead of generating.
// Verbs of the HTTP benchmark (bench/http/run): fill --postgres "…" --items N --out FILE (binary COPY, a progress bar);
// baseline --urls URL --bytes N (a bare ASP.NET Core endpoint answering fixed JSON of that size).
if (args.FirstOrDefault() == "search-relevance")
{
    return await SearchBench.RelevanceAsync(OptionText("--postgres"), OptionText("--set"));
}

if (args.FirstOrDefault() == "baseline")
{
    return await Baseline.RunAsync(OptionText("--urls") ?? "http://127.0.0.1:5090", Option("--bytes", 21_000));
}

var items = Option("--items", 1_000_000);
var measureOnly = args.Contains("--measure-only");
var postgres = OptionText("--postgres");
var dataDir = Path.Combine(Path.GetTempPath(), "entente-bench-" + Guid.NewGuid().ToString("N")[..8]);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["ENTENTE_DATA_DIR"] = dataDir,
    ["ConnectionStrings:Postgres"] = postgres,
}).Build();
var choice = DatabaseChoice.From(configuration);
var capture = new LastCommand();

AppDbContext NewContext(IAuditActor? actor = null)
{
    var options = new DbContextOptionsBuilder<AppDbContext>();
    choice.Configure(options);
    options.AddInterceptors(capture);
    options.UseIdentitySchema();
    return new AppDbContext(options.Options, actor: actor ?? new SystemActor("bench"));
}

if (args.FirstOrDefault() == "fill")
{
    if (!choice.IsPostgres)
    {
        await Console.Error.WriteLineAsync("fill: name the PostgreSQL database with --postgres \"Host=…\".");
        return 2;
    }

    return await BulkFill.RunAsync(() => NewContext(), Option("--bodies", 200), items, OptionText("--out") ?? "bench-fill.env");
}

Console.WriteLine($"Entente list-query benchmark on {choice.Describe()}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var generate = Stopwatch.StartNew();
Scale scale;
await using (var db = NewContext())
{
    if (measureOnly)
    {
        scale = await Generator.ReadAsync(db);
    }
    else
    {
        await DatabaseSetup.MigrateAsync(db);
        scale = await Generator.FillAsync(db, bodies: 200, sessionsPerBody: 20, items, Console.Out);
    }
}

Console.WriteLine($"{(measureOnly ? "Found" : "Generated")} in {generate.Elapsed.TotalSeconds:F1} s: {scale}");
Console.WriteLine();

var body = scale.BodyIds[scale.BodyIds.Count / 2];
var session = scale.SessionIds[scale.SessionIds.Count / 3];
var track = scale.TrackIds[scale.TrackIds.Count / 4];
var party = scale.PartyIds[0]; // the first party of the body in the middle (bodies pair party b % 10 with party 10 + b % 50)
var cases = new (string Name, ActionItemFilter Filter, int Page)[]
{
    ("items of one body, first page", new(body, null, null, null, null, null, null, null), 1),
    ("items of one body, page 40", new(body, null, null, null, null, null, null, null), 40),
    ("one body, in progress, due before 2027-01-01", new(body, null, null, null, "in-progress", null, "2027-01-01", null), 1),
    ("items of one session", new(null, session, null, null, null, null, null, null), 1),
    ("one track, not started", new(null, null, null, track, "not-started", null, null, null), 1),
    ("one body, owned by one party", new(body, null, null, null, null, party, null, null), 1),
    ("all bodies, due in one week", new(null, null, null, null, null, null, "2026-06-08", "2026-05-31"), 1),
    ("all bodies, blocked, first page", new(null, null, null, null, "blocked", null, null, null), 1),
    ("search: one body, one word (1 item in 40)", new(body, null, null, null, null, null, null, null, Q: "المستشفيات"), 1),
    ("search: all bodies, one word, first page", new(null, null, null, null, null, null, null, null, Q: "المستشفيات"), 1),
    ("search: all bodies, two words, hamza folded", new(null, null, null, null, null, null, null, null, Q: "الامن السيبرانى"), 1),
    ("search: all bodies, a word no item has", new(null, null, null, null, null, null, null, null, Q: "زلزال"), 1),
    ("search: all bodies, English, in progress", new(null, null, null, null, "in-progress", null, null, null, Q: "renewable energy"), 1),
};

Console.WriteLine($"{"query (pageSize 50)",-48} {"total",9} {"p50 ms",8} {"p95 ms",8} {"max ms",8}");
foreach (var (name, filter, page) in cases)
{
    var total = 0;
    var timings = await TimeAsync(async () =>
    {
        await using var db = NewContext();
        total = (await new ActionItemsHandler(db).ListAsync(filter, new Paging(page, 50), CancellationToken.None)).Total;
    });
    Console.WriteLine($"{name,-48} {total,9} {Percentile(timings, 50),8:F1} {Percentile(timings, 95),8:F1} {timings.Max(),8:F1}");
}

var one = await TimeAsync(async () =>
{
    await using var db = NewContext();
    await new ActionItemsHandler(db).GetAsync(scale.SampleItemId, CancellationToken.None);
});
Console.WriteLine($"{"one item by id (owners, links, updates)",-48} {1,9} {Percentile(one, 50),8:F1} {Percentile(one, 95),8:F1} {one.Max(),8:F1}");
var sessions = await TimeAsync(async () =>
{
    await using var db = NewContext();
    await new SessionsHandler(db).ListAsync(body, null, null, new Paging(1, 50), CancellationToken.None);
});
Console.WriteLine($"{"sessions of one body with co-chairs",-48} {20,9} {Percentile(sessions, 50),8:F1} {Percentile(sessions, 95),8:F1} {sessions.Max(),8:F1}");

await SearchBench.LatencyAsync(actor => NewContext(actor), scale);

foreach (var shown in new[] { 2, 11 })
{
    Console.WriteLine();
    Console.WriteLine($"Query plan of '{cases[shown].Name}':");
    await using var db = NewContext();
    capture.Reset();
    await new ActionItemsHandler(db).ListAsync(cases[shown].Filter, new Paging(1, 50), CancellationToken.None);
    foreach (var line in await capture.ExplainAsync(db, choice.IsPostgres))
    {
        Console.WriteLine("  " + line);
    }
}

Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
if (!measureOnly && Directory.Exists(dataDir))
{
    Directory.Delete(dataDir, recursive: true);
}

return 0;

static async Task<List<double>> TimeAsync(Func<Task> run)
{
    for (var i = 0; i < 3; i++)
    {
        await run();
    }

    var result = new List<double>();
    for (var i = 0; i < 25; i++)
    {
        var watch = Stopwatch.StartNew();
        await run();
        result.Add(watch.Elapsed.TotalMilliseconds);
    }

    return result;
}

static double Percentile(List<double> values, int percent)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1)];
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

string? OptionText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

/// <summary>Keeps the last SELECT with a LIMIT that EF Core ran, to show its query plan.</summary>
internal sealed class LastCommand : DbCommandInterceptor
{
    private string? _sql;
    private List<(string Name, object? Value)> _parameters = [];

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        if (command.CommandText.Contains("LIMIT", StringComparison.Ordinal) && _sql is null)
        {
            _sql = command.CommandText;
            _parameters = [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value))];
        }

        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public void Reset() => _sql = null;

    public async Task<List<string>> ExplainAsync(AppDbContext db, bool postgres)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + _sql;
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(postgres ? 0 : 3));
        }

        return lines;
    }
}
