using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Obstacles;

/// <summary>The feature of obstacles and their removal: what it registers and what it maps.</summary>
public static class ObstaclesFeature
{
    public static IServiceCollection AddObstacles(this IServiceCollection services)
    {
        services.AddBodyLink("obstacles", "ui.records.obstacles", 70, secondary: true);
        services.AddRecordTarget<Obstacle>(RecordType.Obstacle);
        services.AddScoped<ObstaclesHandler>();
        services.AddRecordPages(new ObstaclePages());
        return services;
    }

    /// <summary>Maps the routes of obstacles and their removal.</summary>
    public static IEndpointRouteBuilder MapObstacles(this IEndpointRouteBuilder routes)
    {
        routes.MapObstaclesApi();
        return routes;
    }
}
