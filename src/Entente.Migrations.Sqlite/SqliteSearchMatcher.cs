using System.Data.Common;
using Entente.Data;
using Entente.Data.Search;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Entente.Migrations.Sqlite;

/// <summary>
/// Search on SQLite: the FTS5 table <c>SearchIndex</c> over the entries' terms (kept in step by triggers, see the
/// migration) finds the hits, ranked by <see cref="SearchRank"/> (not FTS5's <c>bm25</c>, which weighs words by
/// every entry of the index, the other party's national ones too), read back through the context's
/// <see cref="AppDbContext.SearchEntries"/>.
/// </summary>
public sealed class SqliteSearchMatcher : ISearchMatcher
{
    /// <summary>The SQL function <see cref="SearchRank.Score"/> is given as on every connection (<see cref="RankFunction"/>).</summary>
    public const string Rank = "entente_rank";

    public IQueryable<ScoredEntry> Match(AppDbContext db, SearchQuery.Node query)
    {
        var fts = query.ToFts5();
        var words = SearchRank.Words(query);
        return from m in db.Database.SqlQuery<SearchIndexRow>($"""SELECT rowid AS "Id", entente_rank("TitleTerms", "BodyTerms", {words}) AS "Score" FROM "SearchIndex" WHERE "SearchIndex" MATCH {fts}""")
               join e in db.SearchEntries on m.Id equals e.Id
               select new ScoredEntry { Entry = e, Score = m.Score };
    }

    /// <summary>A row of the full-text table that matched, and its score.</summary>
    public sealed class SearchIndexRow
    {
        public long Id { get; set; }

        public double Score { get; set; }
    }

    /// <summary>Gives every connection the program opens the ranking function.</summary>
    public sealed class RankFunction : DbConnectionInterceptor
    {
        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Add(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Add(connection);
            return Task.CompletedTask;
        }

        private static void Add(DbConnection connection) =>
            ((SqliteConnection)connection).CreateFunction<string, string, string, double>(Rank, SearchRank.Score, isDeterministic: true);
    }
}
