using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Records;

/// <summary>The feature of the pages every kind of record shares (list, details, new, edit), drawn from the specs the other features register.</summary>
public static class RecordsFeature
{
    public static IServiceCollection AddRecords(this IServiceCollection services)
    {
        services.AddSingleton<RecordPageSpecs>();
        services.AddStartupWork<RecordPagesAtStartup>();
        services.Configure<RouteOptions>(o => o.ConstraintMap["recordkind"] = typeof(RecordKindConstraint));
        return services;
    }
}
