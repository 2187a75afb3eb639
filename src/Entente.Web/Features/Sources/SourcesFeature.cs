using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sources;

/// <summary>The feature of sources and the claims they make about records: what it registers and what it maps.</summary>
public static class SourcesFeature
{
    public static IServiceCollection AddSources(this IServiceCollection services)
    {
        services.AddBodyLink("sources", "ui.records.sources", 120, secondary: true);
        services.AddScoped<SourcesHandler>();
        services.AddScoped<ClaimsHandler>();
        // Notes and claims may be about a source itself (a note on its reliability; which of two versions it is).
        services.AddRecordTarget<Source>(RecordType.Source, (db, id, ct) => db.Sources.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
        services.AddRecordPages(new SourcePages());
        return services;
    }

    /// <summary>Maps the routes of sources and the claims they make about records.</summary>
    public static IEndpointRouteBuilder MapSources(this IEndpointRouteBuilder routes)
    {
        routes.MapSourcesApi();
        return routes;
    }
}
