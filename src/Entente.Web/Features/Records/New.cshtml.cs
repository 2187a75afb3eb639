using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Records;

/// <summary>A new record of any kind in a joint body, through the API's handler.</summary>
public sealed class NewModel(RecordPageSpecs specs, AppDbContext db) : RecordPage(specs, db)
{
    public RecordForm Form { get; private set; } = new([]);

    public async Task OnGetAsync([FromRoute] string kind, [FromRoute] Guid bodyId, CancellationToken ct)
    {
        await StartAsync(kind, bodyId, ct);
        Form = new RecordForm(new Dictionary<string, string>(StringComparer.Ordinal) { ["visibility"] = "joint" });
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string kind, [FromRoute] Guid bodyId, CancellationToken ct)
    {
        await StartAsync(kind, bodyId, ct);
        Form = RecordForm.FromPost(Spec, Request.Form);
        var checks = new Checks();
        var request = Form.ToRequest(Spec, null, bodyId, ReaderParty, checks);
        System.Text.Json.Nodes.JsonObject? created = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                created = await Spec.CreateAsync(HttpContext.RequestServices, request, ct);
            }))
        {
            return CreatedAt($"/{Spec.Kind}/{created!["id"]}");
        }

        return Page();
    }
}
