using Microsoft.EntityFrameworkCore;

namespace Entente.Data.Search;

/// <summary>What a search is narrowed to, besides what its reader may see (which the data context decides).</summary>
public sealed record SearchScope(IReadOnlyCollection<string>? Kinds = null, Guid? JointBodyId = null, Guid? TrackId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One hit, its score (higher is better: BM25 on SQLite, weighted <c>ts_rank</c> on PostgreSQL) and whether it holds every word.</summary>
public sealed record SearchHit(SearchEntry Entry, double Score, bool HasEveryWord);

/// <summary>A page of hits, how many there are in all and per kind and per joint body.</summary>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<string, int> Kinds, IReadOnlyDictionary<Guid, int> Bodies, bool EveryWord);

/// <summary>
/// Runs a query on the database's full-text index (FTS5 or <c>tsvector</c>), through the reader's data
/// context so that its visibility rules apply to hits, totals and facets alike. Hits hold every word; when
/// none does, hits with some of the words are given instead, and the answer says so.
/// </summary>
public static class SearchReader
{
    public static async Task<SearchResult> RunAsync(AppDbContext db, SearchQuery query, SearchScope scope, int offset, int limit, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return new SearchResult([], 0, new Dictionary<string, int>(), new Dictionary<Guid, int>(), true);
        }

        var all = Scoped(db, query.All, scope);
        var allCount = await all.CountAsync(ct);
        // When none holds every word, those that hold some of them are shown instead, and said to be so.
        var everyWord = allCount > 0 || query.Clauses.Count == 1;
        var node = everyWord ? query.All : query.Any;
        var total = everyWord ? allCount : await Scoped(db, node, scope).CountAsync(ct);

        // Each facet counts as if its own filter were not set, so that it shows what choosing another value would give.
        var kinds = await Scoped(db, node, scope with { Kinds = null }).GroupBy(h => h.Entry.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var bodies = await Scoped(db, node, scope with { JointBodyId = null }).Where(h => h.Entry.JointBodyId != null).GroupBy(h => h.Entry.JointBodyId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        var hits = (await Scoped(db, node, scope).OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id).Skip(offset).Take(limit).ToListAsync(ct))
            .Select(h => new SearchHit(h.Entry, h.Score, everyWord)).ToList();
        return new SearchResult(hits, total, kinds, bodies, everyWord);
    }

    /// <summary>
    /// The ids of the records of <paramref name="kinds"/> whose entries hold every word of <paramref name="query"/>,
    /// for a list's <c>q</c>: the record an entry belongs to (<see cref="SearchEntry.RootId"/>), so that a word of
    /// an item's progress update finds the item. Read through the reader's context, as the list is.
    /// </summary>
    public static IQueryable<Guid> RecordIds(AppDbContext db, SearchQuery query, params string[] kinds) =>
        from m in Matches(db, query.All)
        join e in db.SearchEntries on m.Id equals e.Id
        where kinds.Contains(e.Kind)
        select e.RootId;

    private static IQueryable<Scored> Scoped(AppDbContext db, SearchQuery.Node node, SearchScope scope)
    {
        var matches = Matches(db, node);
        var query = from m in matches
                    join e in db.SearchEntries on m.Id equals e.Id
                    select new Scored { Entry = e, Score = m.Score };
        if (scope.Kinds is { Count: > 0 } kinds)
        {
            query = query.Where(h => kinds.Contains(h.Entry.Kind));
        }

        if (scope.JointBodyId is { } body)
        {
            query = query.Where(h => h.Entry.JointBodyId == body);
        }

        if (scope.TrackId is { } track)
        {
            query = query.Where(h => h.Entry.TrackId == track);
        }

        if (scope.From is { } from)
        {
            query = query.Where(h => h.Entry.Date >= from);
        }

        if (scope.To is { } to)
        {
            query = query.Where(h => h.Entry.Date <= to);
        }

        return query;
    }

    private static IQueryable<Match> Matches(AppDbContext db, SearchQuery.Node node)
    {
        if (db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true)
        {
            var tsquery = node.ToTsQuery();
            return db.Database.SqlQuery<Match>($"""SELECT e."Id", ts_rank(e."Vector", to_tsquery('simple', {tsquery}), 1) AS "Score" FROM "SearchEntries" e WHERE e."Vector" @@ to_tsquery('simple', {tsquery})""");
        }

        var fts = node.ToFts5();
        return db.Database.SqlQuery<Match>($"""SELECT rowid AS "Id", -bm25("SearchIndex", 4.0, 1.0) AS "Score" FROM "SearchIndex" WHERE "SearchIndex" MATCH {fts}""");
    }

    /// <summary>A row of the full-text index that matched, and its score.</summary>
    public sealed class Match
    {
        public long Id { get; set; }

        public double Score { get; set; }
    }

    private sealed class Scored
    {
        public required SearchEntry Entry { get; init; }

        public double Score { get; init; }
    }
}
