using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Members;

/// <summary>The feature of who works in a joint body, in which role and tracks: what it registers and what it maps.</summary>
public static class MembersFeature
{
    public static IServiceCollection AddMembers(this IServiceCollection services)
    {
        services.AddBodyLink("members", "ui.nav.members", 140, secondary: true);
        services.AddScoped<MembersHandler>();
        return services;
    }

    /// <summary>Maps the routes of a body's members and of one membership.</summary>
    public static IEndpointRouteBuilder MapMembers(this IEndpointRouteBuilder routes)
    {
        routes.MapMembersApi();
        return routes;
    }
}
