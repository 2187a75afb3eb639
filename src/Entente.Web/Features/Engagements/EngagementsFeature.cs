using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Engagements;

/// <summary>The feature of engagements (workshops, visits, trainings, scholarships): what it registers and what it maps.</summary>
public static class EngagementsFeature
{
    public static IServiceCollection AddEngagements(this IServiceCollection services)
    {
        services.AddBodyLink("engagements", "ui.records.engagements", 90, secondary: true);
        services.AddRecordTarget<Engagement>(RecordType.Engagement);
        services.AddScoped<EngagementsHandler>();
        services.AddRecordPages(new EngagementPages());
        return services;
    }

    /// <summary>Maps the routes of engagements (workshops, visits, trainings, scholarships).</summary>
    public static IEndpointRouteBuilder MapEngagements(this IEndpointRouteBuilder routes)
    {
        routes.MapEngagementsApi();
        return routes;
    }
}
