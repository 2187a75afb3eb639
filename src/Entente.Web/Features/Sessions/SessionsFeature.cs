using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Sessions;

/// <summary>The feature of sessions and the proposal of the next one: what it registers and what it maps.</summary>
public static class SessionsFeature
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddScoped<SessionsHandler>();
        services.AddScoped<NextSessionHandler>();
        services.AddRecordPages(new SessionPages());
        return services;
    }

    /// <summary>Maps the routes of sessions and the proposal of the next one.</summary>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder routes)
    {
        routes.MapSessionsApi();
        return routes;
    }
}
