using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Documents;

/// <summary>
/// A document's files: every version with its size, date and SHA-256, each downloadable, and the
/// form that uploads the next one (the data layer decides who may; a refusal is shown beside the form).
/// </summary>
[LargeBody(DocumentVersionsHandler.MaxSetting, DocumentVersionsHandler.DefaultMaxMegabytes)]
public sealed class VersionsModel(DocumentsHandler documents, DocumentVersionsHandler versions) : EntentePage
{
    public DocumentResponse Document { get; private set; } = null!;

    /// <summary>The version of the document the form was read at (a stale upload is refused, not lost).</summary>
    [BindProperty]
    public long Version { get; set; }

    [BindProperty(Name = "file")]
    public IFormFile? Upload { get; set; }

    public long MaxMegabytes => versions.MaxBytes / (1024 * 1024);

    public static string Accept => string.Join(',', Entente.Domain.DocumentFiles.MediaTypes.Keys);

    public async Task<IActionResult> OnGetAsync(Guid id, int? number, CancellationToken ct)
    {
        if (number is { } n)
        {
            var file = await versions.ReadAsync(id, n, ct);
            Response.Headers.ETag = $"\"{file.Sha256}\"";
            return File(file.Content, file.MediaType, file.FileName);
        }

        Document = await documents.GetAsync(id, ct);
        Version = Document.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => versions.AddAsync(id, Version, Upload, ct)))
        {
            return Redirect($"/documents/{id}/versions");
        }

        Document = await documents.GetAsync(id, ct);
        return Page();
    }
}
