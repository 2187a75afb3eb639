using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.JointBodies;

/// <summary>The feature of joint bodies and their dashboard: what it registers and what it maps.</summary>
public static class JointBodiesFeature
{
    public static IServiceCollection AddJointBodies(this IServiceCollection services)
    {
        services.AddBodyLink("", "ui.nav.dashboard", 10);
        services.AddRecordTarget<JointBody>(RecordType.JointBody, (db, id, ct) => db.JointBodies.Where(r => r.Id == id).Select(r => new RecordScope(r.Id, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
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
