using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Parties;

/// <summary>The feature of parties and their institutions: what it registers and what it maps.</summary>
public static class PartiesFeature
{
    public static IServiceCollection AddParties(this IServiceCollection services)
    {
        services.AddChoiceSource<InstitutionChoices>();
        services.AddChoiceSource<AllInstitutionChoices>();
        services.AddScoped<PartiesHandler>();
        services.AddScoped<InstitutionsHandler>();
        return services;
    }

    /// <summary>Maps the routes of parties and their institutions.</summary>
    public static IEndpointRouteBuilder MapParties(this IEndpointRouteBuilder routes)
    {
        routes.MapPartiesApi();
        return routes;
    }
}
