using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Tracks;

/// <summary>The feature of the tracks (areas of cooperation) of joint bodies: what it registers and what it maps.</summary>
public static class TracksFeature
{
    public static IServiceCollection AddTracks(this IServiceCollection services)
    {
        services.AddScoped<TracksHandler>();
        services.AddRecordPages(new TrackPages());
        return services;
    }

    /// <summary>Maps the routes of the tracks (areas of cooperation) of joint bodies.</summary>
    public static IEndpointRouteBuilder MapTracks(this IEndpointRouteBuilder routes)
    {
        routes.MapTracksApi();
        return routes;
    }
}
