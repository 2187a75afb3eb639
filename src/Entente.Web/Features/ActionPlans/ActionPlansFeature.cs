using Entente.Web.Infrastructure;

namespace Entente.Web.Features.ActionPlans;

/// <summary>The feature of action plans: handler, printed plan, record pages and API: what it registers and what it maps.</summary>
public static class ActionPlansFeature
{
    public static IServiceCollection AddActionPlans(this IServiceCollection services)
    {
        services.AddScoped<ActionPlansHandler>();
        services.AddScoped<ActionPlanExport>();
        services.AddRecordPages(new ActionPlanPages());
        return services;
    }

    /// <summary>Maps the routes of action plans.</summary>
    public static IEndpointRouteBuilder MapActionPlans(this IEndpointRouteBuilder routes)
    {
        routes.MapActionPlansApi();
        return routes;
    }
}
