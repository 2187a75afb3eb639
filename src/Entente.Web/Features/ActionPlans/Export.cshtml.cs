using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.ActionPlans;

/// <summary>The action plan as HTML, DOCX or PDF, for the signed-in reader of the pages (the API has the same at /api/action-plans/{id}/export).</summary>
public sealed class ExportModel(ActionPlanExport export) : EntentePage
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? format, string? lang, CancellationToken ct)
    {
        var file = await export.ExportAsync(id, format, lang, ct);
        return File(file.Content, file.MediaType, file.FileName);
    }
}
