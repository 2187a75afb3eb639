using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Agreements;

/// <summary>The feature of agreements: handler, record pages and API: what it registers and what it maps.</summary>
public static class AgreementsFeature
{
    public static IServiceCollection AddAgreements(this IServiceCollection services)
    {
        services.AddBodyLink("agreements", "ui.records.agreements", 60);
        services.AddRecordTarget<Agreement>(RecordType.Agreement);
        services.AddChoiceSource<AgreementChoices>();
        services.AddScoped<AgreementsHandler>();
        services.AddRecordPages(new AgreementPages());
        return services;
    }

    /// <summary>Maps the routes of agreements.</summary>
    public static IEndpointRouteBuilder MapAgreements(this IEndpointRouteBuilder routes)
    {
        routes.MapAgreementsApi();
        return routes;
    }
}
