namespace Entente.Web.Features.Exports;

/// <summary>The feature of printed documents: HTML, DOCX and PDF (by Chromium): what it registers and what it maps.</summary>
public static class ExportsFeature
{
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddSingleton<HtmlExport>();
        services.AddSingleton<PdfExport>();
        services.AddSingleton<DocumentExports>();
        return services;
    }
}
