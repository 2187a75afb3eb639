using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.Data.Search;

/// <summary>An entry that matched a query, and how well (higher is better, comparable within one query only).</summary>
public sealed class ScoredEntry
{
    public required SearchEntry Entry { get; init; }

    public double Score { get; init; }
}

/// <summary>
/// How a database finds and ranks the entries that hold a query's terms: SQLite by its FTS5 table and
/// <c>bm25</c>, PostgreSQL by the entries' <c>tsvector</c> and <c>ts_rank</c> (ADR 0011). Each provider's project
/// gives its own with the provider's options (<see cref="SearchMatcherExtension"/>). What it returns is read
/// through the context's <see cref="AppDbContext.SearchEntries"/>, so that the reader's visibility rules apply.
/// </summary>
public interface ISearchMatcher
{
    IQueryable<ScoredEntry> Match(AppDbContext db, SearchQuery.Node query);
}

/// <summary>Carries the provider's <see cref="ISearchMatcher"/> in the context's options.</summary>
public sealed class SearchMatcherExtension(ISearchMatcher matcher) : IDbContextOptionsExtension
{
    public ISearchMatcher Matcher => matcher;

    public DbContextOptionsExtensionInfo Info => new ExtensionInfo(this);

    /// <summary>Adds <paramref name="matcher"/> to <paramref name="options"/>.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, ISearchMatcher matcher)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new SearchMatcherExtension(matcher));
        return options;
    }

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(IDbContextOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        public override bool IsDatabaseProvider => false;

        public override string LogFragment => string.Empty;

        public override int GetServiceProviderHashCode() => 0;

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) => other is ExtensionInfo;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo)
        {
        }
    }
}
