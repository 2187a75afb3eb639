using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

/// <summary>The feature of sessions and the proposal of the next one: what it registers and what it maps.</summary>
public static class SessionsFeature
{
    public static IServiceCollection AddSessions(this IServiceCollection services)
    {
        services.AddBodyLink("sessions", "ui.records.sessions", 20);
        services.AddRecordTarget<Session>(RecordType.Session, (db, id, ct) => db.Sessions.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
        services.AddChoiceSource<SessionChoices>();
        services.AddScoped<SessionsHandler>();
        services.AddScoped<NextSessionHandler>();
        services.AddRecordPages(new SessionPages());
        return services;
    }

    /// <summary>Maps the routes of sessions and the proposal of the next one.</summary>
    public static IEndpointRouteBuilder MapSessions(this IEndpointRouteBuilder routes)
    {
        routes.MapSessionsApi();
        return routes;
    }
}
