using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionPlans;

/// <summary>The feature of action plans: handler, printed plan, record pages and API: what it registers and what it maps.</summary>
public static class ActionPlansFeature
{
    public static IServiceCollection AddActionPlans(this IServiceCollection services)
    {
        services.AddBodyLink("action-plans", "ui.records.action-plans", 100);
        services.AddRecordTarget<ActionPlan>(RecordType.ActionPlan, (db, id, ct) => db.ActionPlans.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
        services.AddChoiceSource<ActionPlanChoices>();
        services.AddScoped<ActionPlansHandler>();
        services.AddScoped<ActionPlanExport>();
        services.AddRecordPages(new ActionPlanPages());
        return services;
    }

    /// <summary>Maps the routes of action plans.</summary>
    public static IEndpointRouteBuilder MapActionPlans(this IEndpointRouteBuilder routes)
    {
        routes.MapActionPlansApi();
        return routes;
    }
}
