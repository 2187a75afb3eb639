using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Agenda;

/// <summary>The feature of the agendas and minutes of sessions and meetings: what it registers and what it maps.</summary>
public static class AgendaFeature
{
    public static IServiceCollection AddAgenda(this IServiceCollection services)
    {
        services.AddScoped<AgendaHandler>();
        services.AddScoped<AgendaExport>();
        // Notes and claims may be about an agenda item; its title and minutes are in the translation queue.
        services.AddRecordTarget<AgendaItem>(RecordType.AgendaItem);
        return services;
    }

    /// <summary>Maps the routes of the agendas and minutes of sessions and meetings.</summary>
    public static IEndpointRouteBuilder MapAgenda(this IEndpointRouteBuilder routes)
    {
        routes.MapAgendaApi();
        return routes;
    }
}
