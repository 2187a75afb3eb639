using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Signatures;

/// <summary>The feature of co-chairs' signatures of frozen action plans and their offline-verifiable bundle: what it registers and what it maps.</summary>
public static class SignaturesFeature
{
    public static IServiceCollection AddSignatures(this IServiceCollection services)
    {
        services.AddScoped<SigningKeys>();
        services.AddScoped<PlanSignaturesHandler>();
        services.AddStartupWork<SigningAuthorityAtStartup>();
        return services;
    }

    /// <summary>Maps the routes of co-chairs' signatures of frozen action plans and their offline-verifiable bundle.</summary>
    public static IEndpointRouteBuilder MapSignatures(this IEndpointRouteBuilder routes)
    {
        routes.MapSignaturesApi();
        return routes;
    }
}
