using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Agenda;

/// <summary>
/// A session's agenda, or one of its meetings' (<c>?meeting=</c>): generated from the tracks, reordered
/// with up and down, timed; each item opens its minutes.
/// </summary>
public sealed class IndexModel(Entente.Data.AppDbContext db, SessionsHandler sessions, AgendaHandler agenda, AgendaExport export) : EntentePage
{
    public SessionResponse Session { get; private set; } = null!;

    public IReadOnlyList<AgendaItemResponse> Items { get; private set; } = [];

    public BodyChoices Choices { get; private set; } = null!;

    /// <summary>The meeting whose agenda this is; none for the session's own.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Meeting { get; set; }

    /// <summary>The session's meetings the reader sees, each with an agenda of its own.</summary>
    public IReadOnlyList<(Guid Id, TextDto Title)> Meetings { get; private set; } = [];

    /// <summary>A concluded session's agenda is read, not built: its records change only once it is reopened.</summary>
    public bool Concluded => Session.Status == Entente.Domain.SessionStatus.Concluded;

    /// <summary>This page, for the same session and meeting.</summary>
    public string Here => At(Session.Id);

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
        var request = new AgendaItemRequest(id, Meeting, new TextDto(TitleAr, TitleEn), null, starts, DurationMinutes, national ? "national" : "joint", national ? Infrastructure.Auth.EntenteClaims.PartyOf(User) : null, null);
        if (await TryAsync(() => agenda.CreateAsync(request, ct)))
        {
            return Redirect(Here);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(Guid id, CancellationToken ct)
    {
        if (await TryAsync(() => agenda.GenerateAsync(id, new GenerateAgendaRequest(Meeting, StartsAt), ct)))
        {
            return Redirect(At(id));
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(Guid id, Guid item, long version, int position, CancellationToken ct)
    {
        if (await TryAsync(() => agenda.MoveAsync(version, item, new MoveAgendaItemRequest(position), ct)))
        {
            return Redirect(At(id) + $"#item-{item}");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(Guid id, string? what, string? format, string? lang, CancellationToken ct)
    {
        var file = await export.ExportAsync(id, Meeting, what, format, lang, ct);
        return File(file.Content, file.MediaType, file.FileName);
    }

    private string At(Guid sessionId) => $"/sessions/{sessionId}/agenda" + (Meeting is { } m ? $"?meeting={m}" : string.Empty);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Session = await sessions.GetAsync(id, ct);
        ViewData["BodyId"] = Session.JointBodyId;
        Meetings = [.. (await db.Meetings.AsNoTracking().Where(m => m.SessionId == id).OrderBy(m => m.Date).ThenBy(m => m.Id)
            .Select(m => new { m.Id, m.Title.Ar, m.Title.En }).ToListAsync(ct)).Select(m => (m.Id, new TextDto(m.Ar, m.En)))];
        if (Meeting is { } meeting && !Meetings.Any(m => m.Id == meeting))
        {
            throw new ApiErrorException(new ApiError.NotFound("meeting", meeting));
        }

        Items = (await agenda.ListAsync(id, Meeting, new Paging(1, 200), ct)).Items;
        Choices = await ChoicesAsync(Session.JointBodyId, [], ct);
    }
}
