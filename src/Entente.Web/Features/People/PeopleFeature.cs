namespace Entente.Web.Features.People;

/// <summary>The feature of people, their spellings and titles: what it registers and what it maps.</summary>
public static class PeopleFeature
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PeopleHandler>();
        return services;
    }

    /// <summary>Maps the routes of people, their spellings and titles.</summary>
    public static IEndpointRouteBuilder MapPeople(this IEndpointRouteBuilder routes)
    {
        routes.MapPeopleApi();
        return routes;
    }
}
