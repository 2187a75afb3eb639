namespace Entente.Web.Features.Audit;

/// <summary>The feature of the audit chain: a record's history and the verification of the whole chain: what it registers and what it maps.</summary>
public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditHandler>();
        return services;
    }

    /// <summary>Maps the routes of the audit chain.</summary>
    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapAuditApi();
        return routes;
    }
}
