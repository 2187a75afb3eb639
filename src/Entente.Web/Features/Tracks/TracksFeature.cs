using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Tracks;

/// <summary>The feature of the tracks (areas of cooperation) of joint bodies: what it registers and what it maps.</summary>
public static class TracksFeature
{
    public static IServiceCollection AddTracks(this IServiceCollection services)
    {
        services.AddBodyLink("tracks", "ui.records.tracks", 40);
        services.AddRecordTarget<Track>(RecordType.Track, (db, id, ct) => db.Tracks.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
        services.AddChoiceSource<TrackChoices>();
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
