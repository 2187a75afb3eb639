using System.Text;
using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Exports;

/// <summary>An exported file.</summary>
public sealed record ExportedFile(byte[] Content, string MediaType, string FileName);

/// <summary>Renders a <see cref="PrintDocument"/> in the asked format, and reads the format and language a request asks for.</summary>
public sealed class DocumentExports(HtmlExport html, PdfExport pdf)
{
    public const string DocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public Task<ExportedFile> RenderAsync(PrintDocument document, ExportFormat format, CancellationToken ct) =>
        RenderAsIsAsync(document.ForPrint(), format, ct);

    private async Task<ExportedFile> RenderAsIsAsync(PrintDocument document, ExportFormat format, CancellationToken ct) => format switch
    {
        ExportFormat.Html => new ExportedFile(Encoding.UTF8.GetBytes(html.Render(document)), "text/html; charset=utf-8", document.FileName + ".html"),
        ExportFormat.Docx => new ExportedFile(DocxExport.Render(document), DocxMediaType, document.FileName + ".docx"),
        _ => new ExportedFile(await pdf.RenderAsync(document, ct), "application/pdf", document.FileName + ".pdf"),
    };

    /// <summary>The format and language of an export request; anything else is a 400 naming the parameter.</summary>
    public static (ExportFormat Format, string Language) Read(string? format, string? language)
    {
        var checks = new Checks();
        var parsed = format?.ToLowerInvariant() switch
        {
            "html" => ExportFormat.Html,
            "docx" => ExportFormat.Docx,
            "pdf" => ExportFormat.Pdf,
            _ => (ExportFormat?)null,
        };
        if (parsed is null)
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "format", "'format' is html, docx or pdf."));
        }

        if (language is not ("ar" or "en"))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "lang", "'lang' is ar or en."));
        }

        checks.ThrowIfAny();
        return (parsed!.Value, language!);
    }
}
