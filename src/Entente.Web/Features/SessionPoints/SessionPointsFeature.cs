using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.SessionPoints;

/// <summary>The feature of what each session itself said and did: what it registers and what it maps.</summary>
public static class SessionPointsFeature
{
    public static IServiceCollection AddSessionPoints(this IServiceCollection services)
    {
        services.AddBodyLink("session-points", "ui.records.session-points", 25, secondary: true);
        services.AddRecordTarget<SessionPoint>(RecordType.SessionPoint);
        services.AddScoped<SessionPointsHandler>();
        services.AddRecordPages(new SessionPointPages());
        return services;
    }

    /// <summary>Maps the routes of session points.</summary>
    public static IEndpointRouteBuilder MapSessionPoints(this IEndpointRouteBuilder routes)
    {
        routes.MapSessionPointsApi();
        return routes;
    }
}
