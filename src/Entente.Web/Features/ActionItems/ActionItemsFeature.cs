using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.ActionItems;

/// <summary>The feature of action items: their handler and API (the pages live beside them): what it registers and what it maps.</summary>
public static class ActionItemsFeature
{
    public static IServiceCollection AddActionItems(this IServiceCollection services)
    {
        services.AddBodyLink("action-items", "ui.nav.action-items", 50);
        services.AddRecordTarget<ActionItem>(RecordType.ActionItem);
        services.AddChoiceSource<ActionItemChoices>();
        services.AddScoped<ActionItemsHandler>();
        services.AddSingleton<IRelatedSource, ActionItemsRelated>();
        return services;
    }

    /// <summary>Maps the routes of action items.</summary>
    public static IEndpointRouteBuilder MapActionItems(this IEndpointRouteBuilder routes)
    {
        routes.MapActionItemsApi();
        return routes;
    }
}
