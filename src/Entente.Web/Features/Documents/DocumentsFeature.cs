using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Documents;

/// <summary>The feature of documents and the files of their versions: what it registers and what it maps.</summary>
public static class DocumentsFeature
{
    public static IServiceCollection AddDocuments(this IServiceCollection services)
    {
        services.AddBodyLink("documents", "ui.records.documents", 110);
        services.AddRecordTarget<Document>(RecordType.Document);
        services.AddChoiceSource<DocumentChoices>();
        services.AddScoped<DocumentsHandler>();
        services.AddScoped<DocumentVersionsHandler>();
        services.AddRecordPages(new DocumentPages());
        return services;
    }

    /// <summary>Maps the routes of documents and the files of their versions.</summary>
    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder routes)
    {
        routes.MapDocumentsApi();
        return routes;
    }
}
