using Entente.Web.Features.Parties;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.ActionItems;

/// <summary>An action item: its facts, owners, progress reports of either side, and a form to add one.</summary>
public sealed class DetailsModel(ActionItemsHandler items, Notes.Discussions discussions, TimeProvider clock) : EntentePage
{
    public Notes.DiscussionView Discussion { get; private set; } = null!;

    public ActionItemResponse Item { get; private set; } = null!;

    public BodyChoices Choices { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    [BindProperty]
    public string? UpdateAr { get; set; }

    [BindProperty]
    public string? UpdateEn { get; set; }

    [BindProperty]
    public string? UpdatePercent { get; set; }

    [BindProperty]
    public long Version { get; set; }

    public async Task OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    /// <summary>Adds a dated progress report in the reader's party's name.</summary>
    public async Task<IActionResult> OnPostUpdateAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        int? percent = int.TryParse(Digits.ToAscii(UpdatePercent ?? string.Empty).Trim().TrimEnd('%', '٪'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : null;
        var request = new ProgressUpdateRequest(EntenteClaims.PartyOf(User), Today, new TextDto(UpdateAr, UpdateEn), percent);
        if (await TryAsync(() => items.AddUpdateAsync(Version, id, request, ct)))
        {
            return Redirect($"/action-items/{id}#updates");
        }

        await LoadAsync(id, ct);
        return Page();
    }

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Item = await items.GetAsync(id, ct);
        Choices = await ChoicesAsync(Item.JointBodyId, [TrackChoices.Source, InstitutionChoices.Source], ct);
        ViewData["BodyId"] = Item.JointBodyId;
        Discussion = await discussions.LoadAsync(User, Item.JointBodyId, Domain.RecordType.ActionItem, id, $"/action-items/{id:D}", ct);
        if (Version == 0)
        {
            Version = Item.Version;
        }
    }
}
