using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Notes;

/// <summary>The feature of notes on records, joint or national: what it registers and what it maps.</summary>
public static class NotesFeature
{
    public static IServiceCollection AddNotes(this IServiceCollection services)
    {
        services.AddBodyLink("notes", "ui.nav.notes", 130, secondary: true);
        services.AddScoped<NotesHandler>();
        services.AddScoped<Discussions>();
        return services;
    }

    /// <summary>Maps the routes of notes on records, joint or national.</summary>
    public static IEndpointRouteBuilder MapNotes(this IEndpointRouteBuilder routes)
    {
        routes.MapNotesApi();
        return routes;
    }
}
