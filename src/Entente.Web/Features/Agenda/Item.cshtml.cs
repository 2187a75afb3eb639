using Entente.Web.Features.ActionPlans;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Agenda;

/// <summary>One agenda item: its minutes in both languages (edited while a draft, then proposed, approved by each side, locked) and the outcomes they record.</summary>
public sealed class ItemModel(Entente.Data.AppDbContext db, AgendaHandler agenda, Notes.Discussions discussions, Microsoft.Extensions.Localization.IStringLocalizer<SharedResources> text) : EntentePage
{
    /// <summary>The discussion on the item and its minutes.</summary>
    public Notes.DiscussionView Discussion { get; private set; } = null!;

    public AgendaItemResponse Item { get; private set; } = null!;

    public BodyChoices Choices { get; private set; } = null!;

    /// <summary>The outcomes' records, by id, with their titles.</summary>
    public Dictionary<Guid, TextDto> OutcomeTitles { get; } = [];

    [BindProperty]
    public string? MinutesAr { get; set; }

    [BindProperty]
    public string? MinutesEn { get; set; }

    [BindProperty]
    public long Version { get; set; }

    [BindProperty]
    public string? Kind { get; set; }

    [BindProperty]
    public string? TitleAr { get; set; }

    [BindProperty]
    public string? TitleEn { get; set; }

    [BindProperty]
    public string? TextAr { get; set; }

    [BindProperty]
    public string? TextEn { get; set; }

    [BindProperty]
    public DateOnly? DueOn { get; set; }

    [BindProperty]
    public string? Status { get; set; }

    [BindProperty]
    public Guid? ActionPlanId { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        MinutesAr = Item.Minutes?.Ar;
        MinutesEn = Item.Minutes?.En;
        TitleAr = Item.Title.Ar;
        TitleEn = Item.Title.En;
        StartsAt = Item.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        DurationMinutes = Item.DurationMinutes;
        Visibility = Item.Visibility == Domain.Visibility.National ? "national" : "joint";
    }

    [BindProperty]
    public string? StartsAt { get; set; }

    [BindProperty]
    public int? DurationMinutes { get; set; }

    [BindProperty]
    public string? Visibility { get; set; }

    /// <summary>Changes the item itself: its title in both languages, time, duration, and whether it is joint or a national briefing.</summary>
    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var national = Visibility == "national";
        var request = new AgendaItemRequest(Item.SessionId, Item.MeetingId, new TextDto(TitleAr, TitleEn), Item.TrackId, StartsAt, DurationMinutes,
            national ? "national" : "joint", national ? Infrastructure.Auth.EntenteClaims.PartyOf(User) : null, Item.Minutes);
        return await TryAsync(() => agenda.UpdateAsync(Version, id, request, ct)) ? Redirect($"/agenda-items/{id}") : Page();
    }

    public async Task<IActionResult> OnPostMinutesAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var minutes = string.IsNullOrWhiteSpace(MinutesAr) && string.IsNullOrWhiteSpace(MinutesEn) ? null : new TextDto(MinutesAr, MinutesEn);
        var request = new AgendaItemRequest(Item.SessionId, Item.MeetingId, Item.Title, Item.TrackId, Item.StartsAt?.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), Item.DurationMinutes, null, null, minutes);
        return await TryAsync(() => agenda.UpdateAsync(Version, id, request, ct)) ? Redirect($"/agenda-items/{id}") : Page();
    }

    public Task<IActionResult> OnPostProposeAsync(Guid id, CancellationToken ct) => StepAsync(id, () => agenda.ProposeMinutesAsync(Version, id, ct), ct);

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => StepAsync(id, () => agenda.ApproveMinutesAsync(User, Version, id, ct), ct);

    public Task<IActionResult> OnPostReturnAsync(Guid id, CancellationToken ct) => StepAsync(id, () => agenda.ReturnMinutesAsync(Version, id, ct), ct);

    public Task<IActionResult> OnPostLockAsync(Guid id, CancellationToken ct) => StepAsync(id, () => agenda.LockMinutesAsync(Version, id, ct), ct);

    public Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken ct)
    {
        var title = string.IsNullOrWhiteSpace(TitleAr) && string.IsNullOrWhiteSpace(TitleEn) ? null : new TextDto(TitleAr, TitleEn);
        var body = string.IsNullOrWhiteSpace(TextAr) && string.IsNullOrWhiteSpace(TextEn) ? null : new TextDto(TextAr, TextEn);
        return StepAsync(id, () => agenda.AddOutcomeAsync(HttpContext, id, new AgendaOutcomeRequest(Kind, title, body, DueOn, string.IsNullOrEmpty(Status) ? null : Status, ActionPlanId, null), ct), ct);
    }

    protected override string? LabelOf(string field) => field switch
    {
        "minutes.ar" => $"{text["ui.agenda.minutes"]} ({text["ui.lang.ar"]})",
        "minutes.en" => $"{text["ui.agenda.minutes"]} ({text["ui.lang.en"]})",
        "title.ar" => $"{text["ui.field.title"]} ({text["ui.lang.ar"]})",
        "title.en" => $"{text["ui.field.title"]} ({text["ui.lang.en"]})",
        "text.ar" => $"{text["ui.progress.text"]} ({text["ui.lang.ar"]})",
        "text.en" => $"{text["ui.progress.text"]} ({text["ui.lang.en"]})",
        "startsAt" => text["ui.agenda.time"],
        "durationMinutes" => text["ui.agenda.duration"],
        _ => null,
    };

    private async Task<IActionResult> StepAsync(Guid id, Func<Task> step, CancellationToken ct)
    {
        if (await TryAsync(step))
        {
            return Saved($"/agenda-items/{id}");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await agenda.GetAsync(id, ct);
        ViewData["BodyId"] = Item.JointBodyId;
        Choices = await ChoicesAsync(Item.JointBodyId, [ActionPlanChoices.Source], ct);
        Discussion = await discussions.LoadAsync(User, Item.JointBodyId, Entente.Domain.RecordType.AgendaItem, id, $"/agenda-items/{id:D}", ct);
        var ids = Item.Outcomes.Select(o => o.RecordId).Append(Item.CarriedActionItemId ?? Guid.Empty).Append(Item.CarriedObstacleId ?? Guid.Empty).ToList();
        foreach (var i in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.ActionItems).Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title.Ar, i.Title.En }))
        {
            OutcomeTitles[i.Id] = new TextDto(i.Ar, i.En);
        }

        foreach (var o in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Obstacles).Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Title.Ar, o.Title.En }))
        {
            OutcomeTitles[o.Id] = new TextDto(o.Ar, o.En);
        }

        foreach (var p in Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.SessionPoints).Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Text.Ar, p.Text.En }))
        {
            OutcomeTitles[p.Id] = new TextDto(p.Ar, p.En);
        }
    }
}
