namespace Entente.Web.Features.Statements;

/// <summary>The feature of joint statements: generated, edited, approved by both sides, published, printed: what it registers and what it maps.</summary>
public static class StatementsFeature
{
    public static IServiceCollection AddStatements(this IServiceCollection services)
    {
        services.AddScoped<StatementsHandler>();
        services.AddScoped<StatementExport>();
        return services;
    }

    /// <summary>Maps the routes of joint statements.</summary>
    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        routes.MapStatementsApi();
        return routes;
    }
}
