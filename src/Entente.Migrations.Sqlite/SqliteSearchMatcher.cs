using Entente.Data;
using Entente.Data.Search;
using Microsoft.EntityFrameworkCore;

namespace Entente.Migrations.Sqlite;

/// <summary>
/// Search on SQLite: the FTS5 table <c>SearchIndex</c> over the entries' terms (kept in step by triggers, see the
/// migration), ranked by <c>bm25</c> with the title weighted four times the text, its rows read back through
/// the context's <see cref="AppDbContext.SearchEntries"/>.
/// </summary>
public sealed class SqliteSearchMatcher : ISearchMatcher
{
    public IQueryable<ScoredEntry> Match(AppDbContext db, SearchQuery.Node query)
    {
        var fts = query.ToFts5();
        return from m in db.Database.SqlQuery<SearchIndexRow>($"""SELECT rowid AS "Id", -bm25("SearchIndex", 4.0, 1.0) AS "Score" FROM "SearchIndex" WHERE "SearchIndex" MATCH {fts}""")
               join e in db.SearchEntries on m.Id equals e.Id
               select new ScoredEntry { Entry = e, Score = m.Score };
    }

    /// <summary>A row of the full-text table that matched, and its score.</summary>
    public sealed class SearchIndexRow
    {
        public long Id { get; set; }

        public double Score { get; set; }
    }
}
