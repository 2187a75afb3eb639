using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Indicators;

/// <summary>The feature of indicators and their figures over time: what it registers and what it maps.</summary>
public static class IndicatorsFeature
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddScoped<IndicatorsHandler>();
        services.AddRecordPages(new IndicatorPages());
        return services;
    }

    /// <summary>Maps the routes of indicators and their figures over time.</summary>
    public static IEndpointRouteBuilder MapIndicators(this IEndpointRouteBuilder routes)
    {
        routes.MapIndicatorsApi();
        return routes;
    }
}
