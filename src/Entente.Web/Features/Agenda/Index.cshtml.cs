using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Agenda;

/// <summary>A session's agenda: generated from the tracks, reordered with up and down, timed; each item opens its minutes.</summary>
public sealed class IndexModel(Entente.Data.AppDbContext db, SessionsHandler sessions, AgendaHandler agenda, AgendaExport export) : EntentePage
{
    public SessionResponse Session { get; private set; } = null!;

    public IReadOnlyList<AgendaItemResponse> Items { get; private set; } = [];

    public BodyChoices Choices { get; private set; } = null!;

    [BindProperty]
    public string? StartsAt { get; set; } = "10:00";

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => agenda.GenerateAsync(id, new GenerateAgendaRequest(null, StartsAt), ct)))
        {
            return Redirect($"/sessions/{id}/agenda");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid item, long version, int position, CancellationToken ct)
    {
        if (await TryAsync(() => agenda.MoveAsync(version, item, new MoveAgendaItemRequest(position), ct)))
        {
            return Redirect($"/sessions/{id}/agenda#item-{item}");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? what, string? format, string? lang, CancellationToken ct)
    {
        var file = what == "minutes" ? await export.MinutesAsync(id, format, lang, ct) : await export.AgendaAsync(id, format, lang, ct);
        return File(file.Content, file.MediaType, file.FileName);
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await sessions.GetAsync(id, ct);
        ViewData["BodyId"] = Session.JointBodyId;
        Items = (await agenda.ListAsync(id, null, new Paging(1, 200), ct)).Items;
        Choices = await BodyChoices.RequireAsync(db, Session.JointBodyId, [], ct);
    }
}
