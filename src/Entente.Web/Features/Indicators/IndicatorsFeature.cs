using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Indicators;

/// <summary>The feature of indicators and their figures over time: what it registers and what it maps.</summary>
public static class IndicatorsFeature
{
    public static IServiceCollection AddIndicators(this IServiceCollection services)
    {
        services.AddBodyLink("indicators", "ui.records.indicators", 80, secondary: true);
        services.AddRecordTarget<Indicator>(RecordType.Indicator);
        services.AddRecordTarget<IndicatorValue>(RecordType.IndicatorValue, (db, id, ct) => db.Indicators.Where(i => i.Values.Any(v => v.Id == id)).Select(r => new RecordScope(r.JointBodyId, r.Visibility, r.OwnerPartyId)).FirstOrDefaultAsync(ct));
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
