using System.Collections.Concurrent;
using Entente.Data.Search;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Entente.IntegrationTests.Platform;

/// <summary>On PostgreSQL, search is answered from the full-text index of its entries, a name half typed from the trigram index of names; a database where Arabic makes no trigrams is named at start.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresSearchIndexTests(PostgresApp app)
{
    [Fact]
    public async Task ArabicWordSearch_IsAnsweredFromTheFullTextIndex_AndANameHalfTypedFromTheTrigramIndex()
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

        // Sequential scans priced out, so that the plan shows whether an index can answer the search at all.
        await using (var off = connection.CreateCommand())
        {
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(ct);
        }

        var query = SearchQuery.Parse("مُذكّرات التفاهم").All.ToTsQuery();
        var plan = await ExplainAsync(connection, "EXPLAIN SELECT \"Id\" FROM \"SearchEntries\" WHERE \"Vector\" @@ to_tsquery('simple', @q)", query, ct);
        Assert.Contains(plan, l => l.Contains("Bitmap Index Scan on \"IX_SearchEntries_ScopeId_Vector\"", StringComparison.Ordinal));

        var names = await ExplainAsync(connection, "EXPLAIN SELECT \"Id\" FROM \"PersonName\" WHERE \"SearchText\" LIKE @q ESCAPE '\\'", Filters.Anywhere(SearchText.Fold("الجارال")), ct);
        Assert.Contains(names, l => l.Contains("Bitmap Index Scan on \"IX_PersonName_SearchText\"", StringComparison.Ordinal));

        await using var trigrams = connection.CreateCommand();
        trigrams.CommandText = "SELECT cardinality(show_trgm('مذكره'))";
        Assert.True((int)(await trigrams.ExecuteScalarAsync(ct))! >= 4, "An Arabic word makes trigrams in the program's database.");
    }

    private static async Task<List<string>> ExplainAsync(System.Data.Common.DbConnection connection, string sql, string value, CancellationToken ct)
    {
        await using var explain = connection.CreateCommand();
        explain.CommandText = sql;
        var parameter = explain.CreateParameter();
        parameter.ParameterName = "q";
        parameter.Value = value;
        explain.Parameters.Add(parameter);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            plan.Add(reader.GetString(0));
        }

        return plan;
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

        Assert.Contains(logs, l => l.Contains("LC_CTYPE 'C'", StringComparison.Ordinal) && l.Contains("part of an Arabic name reads every name", StringComparison.Ordinal));

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
