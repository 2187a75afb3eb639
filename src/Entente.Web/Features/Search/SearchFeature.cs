using Entente.Data;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Search;

/// <summary>The feature of search over every record a reader may see: what it registers and what it maps.</summary>
public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchHandler>();
        services.AddStartupWork<SearchIndexStartup>();
        return services;
    }

    /// <summary>Maps the search API (the page maps itself).</summary>
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapSearchApi();
        return routes;
    }
}

/// <summary>At start, makes the search entries again when the analysis changed since they were made, or none were made yet (ADR 0011).</summary>
public sealed class SearchIndexStartup(AppDbContext db, ILogger<SearchIndexStartup> logger) : IStartupWork
{
    /// <summary>After the demo data (100), so that a new database's records are found from the first start.</summary>
    public int Order => 110;

    public async Task RunAsync(IServiceProvider services, bool newDatabase, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var made = await db.RebuildSearchWhenStaleAsync(cancellationToken);
        if (made > 0)
        {
            logger.LogInformation("Search index made again: {Entries} entries in {Seconds:0.0} s", made, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
