using Microsoft.EntityFrameworkCore;

namespace Entente.Data.Search;

/// <summary>What a search is narrowed to, besides what its reader may see (which the data context decides).</summary>
public sealed record SearchScope(IReadOnlyCollection<string>? Kinds = null, Guid? JointBodyId = null, Guid? TrackId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>One hit, its score (higher is better: BM25 on SQLite, weighted <c>ts_rank</c> on PostgreSQL) and whether it holds every word.</summary>
public sealed record SearchHit(SearchEntry Entry, double Score, bool HasEveryWord);

/// <summary>A page of hits, how many there are in all and per kind and per joint body.</summary>
/// <param name="NearSpellings">True when no record held the words as typed and these hold words spelt near them.</param>
public sealed record SearchResult(IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyDictionary<string, int> Kinds, IReadOnlyDictionary<Guid, int> Bodies, bool EveryWord, bool NearSpellings = false);

/// <summary>
/// Runs a query on the database's full-text index (<see cref="ISearchMatcher"/>), through the reader's data
/// context so that its visibility rules apply to hits, totals and facets alike. Hits hold every word; when
/// none does, hits holding every word or a word spelt near it, then hits with some of the words, are given
/// instead, and the answer says so.
/// </summary>
/// <remarks>
/// One pass reads the id, kind, body and score of every hit (up to <see cref="Pass"/> of them) in the bodies the
/// reader belongs to; the page, the total and both facets are counted from it, and only the page's entries are
/// read whole. A query with more hits than that counts them in the database instead.
/// </remarks>
public static class SearchReader
{
    /// <summary>Most hits read in the one pass; beyond it, totals and facets are counted by the database.</summary>
    public const int Pass = 5000;

    public static async Task<SearchResult> RunAsync(AppDbContext db, SearchQuery query, SearchScope scope, int offset, int limit, CancellationToken ct)
    {
        if (query.IsEmpty)
        {
            return new SearchResult([], 0, new Dictionary<string, int>(), new Dictionary<Guid, int>(), true);
        }

        // The bodies to read: the one asked for, or every body the reader sees; what belongs to no body besides.
        // A hint for the index only: who sees what is still the context's rules.
        List<Guid> scopes = scope.JointBodyId is { } body ? [body] : await db.JointBodies.Select(b => b.Id).ToListAsync(ct);
        if (scope.JointBodyId is null)
        {
            scopes.Add(Guid.Empty);
        }

        // Every word as typed; else every word, each also as the words spelt near it; else some of the words.
        var everyWord = true;
        var nearSpellings = false;
        var node = query.All;
        var hits = await PassAsync(db, node, scope, scopes, ct);
        if (hits.Count == 0 && query.Near is { } near)
        {
            node = near;
            hits = await PassAsync(db, node, scope, scopes, ct);
            nearSpellings = hits.Count > 0;
        }

        if (hits.Count == 0 && query.Clauses.Count > 1)
        {
            everyWord = false;
            node = query.Any;
            hits = await PassAsync(db, node, scope, scopes, ct);
        }

        int total;
        Dictionary<string, int> kinds;
        Dictionary<Guid, int> bodies;
        List<long> page;
        if (hits.Count <= Pass)
        {
            var kept = hits.Where(h => scope.Kinds is not { Count: > 0 } || scope.Kinds.Contains(h.Kind)).ToList();
            total = kept.Count;
            kinds = hits.GroupBy(h => h.Kind).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            bodies = kept.Where(h => h.JointBodyId is not null).GroupBy(h => h.JointBodyId!.Value).ToDictionary(g => g.Key, g => g.Count());
            page = [.. kept.Skip(offset).Take(limit).Select(h => h.Id)];
        }
        else
        {
            // Too many to read: the database counts them by kind and body in one go, and gives the page.
            var groups = await Scoped(db, node, scope, scopes).GroupBy(h => new { h.Entry.Kind, h.Entry.JointBodyId })
                .Select(g => new { g.Key.Kind, g.Key.JointBodyId, Count = g.Count() }).ToListAsync(ct);
            var keptGroups = groups.Where(g => scope.Kinds is not { Count: > 0 } || scope.Kinds.Contains(g.Kind)).ToList();
            total = keptGroups.Sum(g => g.Count);
            kinds = groups.GroupBy(g => g.Kind).ToDictionary(g => g.Key, g => g.Sum(x => x.Count), StringComparer.Ordinal);
            bodies = keptGroups.Where(g => g.JointBodyId is not null).GroupBy(g => g.JointBodyId!.Value).ToDictionary(g => g.Key, g => g.Sum(x => x.Count));
            var all = Scoped(db, node, scope, scopes);
            var kept = scope.Kinds is { Count: > 0 } only ? all.Where(h => only.Contains(h.Entry.Kind)) : all;
            page = await kept.OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id).Skip(offset).Take(limit).Select(h => h.Entry.Id).ToListAsync(ct);
        }

        var scores = hits.ToDictionary(h => h.Id, h => h.Score);
        var entries = await db.SearchEntries.AsNoTracking().Where(e => page.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var found = page.Where(entries.ContainsKey).Select(id => new SearchHit(entries[id], scores.GetValueOrDefault(id), everyWord)).ToList();
        return new SearchResult(found, total, kinds, bodies, everyWord, nearSpellings);
    }

    /// <summary>
    /// The ids of the records of <paramref name="kinds"/> whose entries hold every word of <paramref name="query"/>,
    /// for a list's <c>q</c>: the record an entry belongs to (<see cref="SearchEntry.RootId"/>), so that a word of
    /// an item's progress update finds the item. Read through the reader's context, as the list is. With
    /// <paramref name="body"/>, only that body's entries are read (the list is of one body).
    /// </summary>
    public static IQueryable<Guid> RecordIds(AppDbContext db, SearchQuery query, Guid? body, params string[] kinds)
    {
        var hits = db.SearchMatcher.Match(db, query.All).Where(h => kinds.Contains(h.Entry.Kind));
        if (body is { } scope)
        {
            hits = hits.Where(h => h.Entry.ScopeId == scope);
        }

        return hits.Select(h => h.Entry.RootId);
    }

    /// <summary>The hits in the reader's scopes, best first, every kind (the kinds' facet counts them all), at most one more than <see cref="Pass"/>.</summary>
    private static async Task<List<Hit>> PassAsync(AppDbContext db, SearchQuery.Node node, SearchScope scope, List<Guid> scopes, CancellationToken ct) =>
        await Scoped(db, node, scope, scopes)
            .OrderByDescending(h => h.Score).ThenBy(h => h.Entry.Id)
            .Select(h => new Hit(h.Entry.Id, h.Entry.Kind, h.Entry.JointBodyId, h.Score))
            .Take(Pass + 1).ToListAsync(ct);

    private static IQueryable<ScoredEntry> Scoped(AppDbContext db, SearchQuery.Node node, SearchScope scope, List<Guid> scopes)
    {
        var query = db.SearchMatcher.Match(db, node).Where(h => scopes.Contains(h.Entry.ScopeId));
        if (scope.TrackId is { } track)
        {
            query = query.Where(h => h.Entry.TrackId == track);
        }

        // A record whose time is known as a month or a year alone is kept when that month or year meets the days asked for.
        if (scope.From is { } from)
        {
            query = query.Where(h => h.Entry.DateEnd >= from);
        }

        if (scope.To is { } to)
        {
            query = query.Where(h => h.Entry.Date <= to);
        }

        return query;
    }

    private sealed record Hit(long Id, string Kind, Guid? JointBodyId, double Score);
}
