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

    [BindProperty]
    public string? TitleAr { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public int? DurationMinutes { get; set; } = 10;

    [BindProperty]
    public string? Visibility { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>Adds an item at the end of the agenda, timed after the last one.</summary>
    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var last = Items.LastOrDefault();
        var starts = last?.StartsAt?.AddMinutes(last.DurationMinutes ?? 0).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var national = Visibility == "national";
        var request = new AgendaItemRequest(id, null, new TextDto(TitleAr, TitleEn), null, starts, DurationMinutes, national ? "national" : "joint", national ? Accounts.EntenteClaims.PartyOf(User) : null, null);
        if (await TryAsync(() => agenda.CreateAsync(request, ct)))
        {
            return Redirect($"/sessions/{id}/agenda");
        }

        return Page();
    }

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
