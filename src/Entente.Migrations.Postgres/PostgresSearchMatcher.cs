using Entente.Data;
using Entente.Data.Search;
using Microsoft.EntityFrameworkCore;
using NpgsqlTypes;

namespace Entente.Migrations.Postgres;

/// <summary>
/// Search on PostgreSQL: the entries' stored <c>tsvector</c> (the title's terms weighted A, the text's B) under
/// a GIN index that also holds each entry's scope, ranked by <c>ts_rank</c> divided by 1 + the log of the length.
/// The terms are made by the program (<see cref="SearchAnalysis"/>), so the <c>simple</c> configuration only
/// splits them at spaces.
/// </summary>
public sealed class PostgresSearchMatcher : ISearchMatcher
{
    /// <summary>The shadow property the model maps the entries' <c>tsvector</c> to (<see cref="PostgresModelCustomizer"/>).</summary>
    public const string Vector = "Vector";

    public IQueryable<ScoredEntry> Match(AppDbContext db, SearchQuery.Node query)
    {
        var tsquery = query.ToTsQuery();
        return db.SearchEntries
            .Where(e => EF.Property<NpgsqlTsVector>(e, Vector).Matches(EF.Functions.ToTsQuery("simple", tsquery)))
            .Select(e => new ScoredEntry
            {
                Entry = e,
                Score = EF.Property<NpgsqlTsVector>(e, Vector).Rank(EF.Functions.ToTsQuery("simple", tsquery), NpgsqlTsRankingNormalization.DivideBy1PlusLogLength),
            });
    }
}
