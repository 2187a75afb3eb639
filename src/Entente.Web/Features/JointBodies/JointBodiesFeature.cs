namespace Entente.Web.Features.JointBodies;

/// <summary>The feature of joint bodies and their dashboard: what it registers and what it maps.</summary>
public static class JointBodiesFeature
{
    public static IServiceCollection AddJointBodies(this IServiceCollection services)
    {
        services.AddScoped<JointBodiesHandler>();
        services.AddScoped<DashboardHandler>();
        return services;
    }

    /// <summary>Maps the routes of joint bodies and their dashboard.</summary>
    public static IEndpointRouteBuilder MapJointBodies(this IEndpointRouteBuilder routes)
    {
        routes.MapJointBodiesApi();
        return routes;
    }
}
