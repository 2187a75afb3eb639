using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Records;

/// <summary>
/// Editing a record of any kind, through the API's handler. The form carries the version and the
/// values it was read with; when someone saved first, the page shows what they changed and puts
/// the reader's own changes back on top of theirs, to be checked and saved again.
/// </summary>
public sealed class EditModel(RecordPageSpecs recordSpecs, AppDbContext db, Reader reader) : RecordPage(recordSpecs, db)
{
    public JsonObject Record { get; private set; } = [];

    public RecordForm Form { get; private set; } = null!;

    public long Version { get; private set; }

    /// <summary>The values the form was read with (JSON).</summary>
    public string Read { get; private set; } = "{}";

    /// <summary>What the other person changed, and who and when, after a save that came second; null otherwise.</summary>
    public ConflictView? ConflictShown { get; private set; }

    public bool IsNew => false;

    public async Task OnGetAsync([FromRoute] string kind, [FromRoute] Guid id, CancellationToken ct)
    {
        await LoadAsync(kind, id, ct);
        Form = RecordForm.FromRecord(Spec, Record);
        Version = Record["version"]!.GetValue<long>();
        Read = Form.ToJson();
    }

    public async Task<IActionResult> OnPostAsync([FromRoute] string kind, [FromRoute] Guid id, long version, string? read, CancellationToken ct)
    {
        await LoadAsync(kind, id, ct);
        Form = RecordForm.FromPost(Spec, Request.Form);
        var readForm = RecordForm.FromJson(read) ?? RecordForm.FromRecord(Spec, Record);
        var checks = new Checks();
        // The request starts from the record as the reader read it, so the version check decides, not the merge.
        var request = Form.ToRequest(Spec, Record, BodyId, ReaderParty, checks);
        JsonObject? saved = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                saved = await Spec.UpdateAsync(HttpContext.RequestServices, version, id, request, ct);
            }))
        {
            return Saved($"/{Spec.Kind}/{id}", version, saved!["version"]!.GetValue<long>());
        }

        Version = version;
        Read = readForm.ToJson();
        if (Conflict is not null)
        {
            var theirs = RecordForm.FromRecord(Spec, Record);
            var (merged, both) = Form.ReapplyOn(readForm, theirs, Spec.Fields);
            var changed = theirs.ChangedFrom(readForm).ToList();
            var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>();
            ConflictShown = new ConflictView(
                [.. Spec.Fields.Where(f => changed.Any(f.Owns))
                    .Select(f => new ConflictRow(text[f.Label], reader.Show(f, theirs, Choices), reader.Show(f, Form, Choices), both.Any(f.Owns)))],
                await LastChanges.OfAsync(Db, id, ct));
            Form = merged;
            Version = Record["version"]!.GetValue<long>();
            Read = theirs.ToJson();
            FieldErrors.Remove(string.Empty);
        }

        return Page();
    }

    private async Task LoadAsync(string kind, Guid id, CancellationToken ct)
    {
        var spec = Specs.Find(kind) ?? throw new ApiErrorException(new ApiError.NotFound(kind, id));
        Record = await spec.GetAsync(HttpContext.RequestServices, id, ct);
        await StartAsync(kind, BodyOf(Record), ct);
        await ReadLockAsync(Record, ct);
    }
}
