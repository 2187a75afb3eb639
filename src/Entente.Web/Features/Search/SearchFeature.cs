using Entente.Data;

namespace Entente.Web.Features.Search;

/// <summary>The feature of search over every record a reader may see: what it registers and what it maps.</summary>
public static class SearchFeature
{
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddScoped<SearchHandler>();
        services.AddHostedService<SearchIndexRebuild>();
        return services;
    }

    /// <summary>Maps the search API (the page maps itself).</summary>
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder routes)
    {
        routes.MapSearchApi();
        return routes;
    }
}

/// <summary>
/// After the program has started, makes the search entries that an earlier analysis made, or that a database
/// from before search was kept lacks, in the background (ADR 0011): the program serves at once, search finds
/// more as the entries are made, and a stop part way is taken up again at the next start.
/// </summary>
public sealed class SearchIndexRebuild(IServiceProvider services, ILogger<SearchIndexRebuild> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = Infrastructure.Auth.ActorScopes.CreateSystemScope(services, "search-index");
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            if (!await db.SearchIsStaleAsync(stoppingToken))
            {
                return;
            }

            logger.LogInformation("Search entries of analysis {Version} are being made for the records that lack them", Entente.Data.Search.SearchAnalysis.Version);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var last = started;
            var made = await db.RebuildSearchAsync(
                (kind, count) =>
                {
                    if (System.Diagnostics.Stopwatch.GetElapsedTime(last).TotalSeconds >= 10)
                    {
                        last = System.Diagnostics.Stopwatch.GetTimestamp();
                        logger.LogInformation("Search entries: {Entries} made so far ({Kind})", count, kind);
                    }
                },
                (type, id, error) => logger.LogError(error, "The search entries of the {Kind} {Id} could not be made; it is passed over until its next save", type.Name, id),
                stoppingToken);
            logger.LogInformation("Search entries made: {Entries} in {Seconds:0.0} s", made, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Taken up again at the next start.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogError(e, "Making the search entries stopped; the next start takes it up again");
        }
    }
}
