using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

/// <summary>The feature of joint statements: generated, edited, approved by both sides, published, printed: what it registers and what it maps.</summary>
public static class StatementsFeature
{
    public static IServiceCollection AddStatements(this IServiceCollection services)
    {
        services.AddScoped<StatementsHandler>();
        services.AddScoped<StatementExport>();
        // A statement is joint: notes and claims may be about it, and a text edited in one language waits in the translation queue.
        services.AddRecordTarget<JointStatement>(RecordType.JointStatement, (db, id, ct) => db.JointStatements.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct));
        return services;
    }

    /// <summary>Maps the routes of joint statements.</summary>
    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        routes.MapStatementsApi();
        return routes;
    }
}
