using System.Collections.Concurrent;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Entente.IntegrationTests.Platform;

/// <summary>On PostgreSQL, Arabic-aware search is answered from trigram indexes; a database where Arabic makes no trigrams is named at start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchIndexTests(PostgresApp app)
{
    [Fact]
    public async Task ArabicWordSearch_IsAnsweredFromTheTrigramIndex_WhichHoldsArabicTrigrams()
    {
        var ct = TestContext.Current.CancellationToken;
        if (await PostgresServer.GetAsync() is null)
        {
            Assert.Skip(PostgresServer.Unavailable ?? "No PostgreSQL.");
        }

        _ = app.Services;
        await using var scope = app.Scope(out var db);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(ct);

        // The search's own pattern; sequential scans priced out, so that the plan shows whether an index can answer it at all.
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(ct);
        }

        var plan = new List<string>();
        await using (var explain = connection.CreateCommand())
        {
            explain.CommandText = "EXPLAIN SELECT \"Id\" FROM \"ActionItems\" WHERE \"SearchText\" LIKE @pattern ESCAPE '\\'";
            var pattern = explain.CreateParameter();
            pattern.ParameterName = "pattern";
            pattern.Value = Filters.Anywhere(SearchText.Fold("مُذكّرة"));
            explain.Parameters.Add(pattern);
            await using var reader = await explain.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                plan.Add(reader.GetString(0));
            }
        }

        Assert.Contains(plan, l => l.Contains("Bitmap Index Scan on \"IX_ActionItems_SearchText\"", StringComparison.Ordinal));
        Assert.Contains(plan, l => l.Contains("Index Cond", StringComparison.Ordinal) && l.Contains("~~", StringComparison.Ordinal));

        await using var trigrams = connection.CreateCommand();
        trigrams.CommandText = "SELECT cardinality(show_trgm('مذكره'))";
        Assert.True((int)(await trigrams.ExecuteScalarAsync(ct))! >= 4, "An Arabic word makes trigrams in the program's database.");
    }

    [Fact]
    public async Task Start_OnADatabaseWhoseCtypeIsC_WarnsThatArabicSearchReadsEveryRow()
    {
        if (await PostgresServer.GetAsync() is not { } server)
        {
            Assert.Skip(PostgresServer.Unavailable ?? "No PostgreSQL.");
            return;
        }

        var logs = new ConcurrentQueue<string>();
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync("C"), ["ENTENTE_DEMO_DATA"] = "false" };
        await using (var instance = app.NewInstance(settings, b => b.ConfigureLogging(l => l.AddProvider(new CollectingLoggerProvider(logs)))))
        {
            _ = instance.Services;
        }

        Assert.Contains(logs, l => l.Contains("LC_CTYPE 'C'", StringComparison.Ordinal) && l.Contains("Arabic search reads every row", StringComparison.Ordinal));

        var fine = new ConcurrentQueue<string>();
        settings["ConnectionStrings:Postgres"] = await server.CreateDatabaseAsync();
        await using (var instance = app.NewInstance(settings, b => b.ConfigureLogging(l => l.AddProvider(new CollectingLoggerProvider(fine)))))
        {
            _ = instance.Services;
        }

        Assert.Contains(fine, l => l.StartsWith("Database ready", StringComparison.Ordinal));
        Assert.DoesNotContain(fine, l => l.Contains("LC_CTYPE", StringComparison.Ordinal));
    }
}
