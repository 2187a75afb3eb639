using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Web.Features.Notes;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Records;

/// <summary>One record: its fields in the reader's language, its visibility, the notes on it the reader may see.</summary>
public sealed class DetailsModel(RecordPageSpecs recordSpecs, AppDbContext db, NotesHandler notes) : RecordPage(recordSpecs, db)
{
    public JsonObject Record { get; private set; } = [];

    public RecordForm Form { get; private set; } = null!;

    public IReadOnlyList<NoteResponse> Notes { get; private set; } = [];

    public async Task OnGetAsync([FromRoute] string kind, [FromRoute] Guid id, CancellationToken ct)
    {
        var spec = Specs.Find(kind) ?? throw new ApiErrorException(new ApiError.NotFound(kind, id));
        Record = await spec.GetAsync(HttpContext.RequestServices, id, ct);
        await StartAsync(kind, BodyOf(Record), ct);
        Form = RecordForm.FromRecord(Spec, Record);
        Notes = (await notes.ListAsync(BodyId, null, id, null, null, Paging.From(1, 50), ct)).Items;
    }
}
