using Entente.Domain;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.ActionItems;

/// <summary>What the shared fields of the action item's edit and new pages need.</summary>
public interface IActionItemEditor
{
    EntentePage Editor { get; }

    ActionItemForm Form { get; }

    BodyChoices Choices { get; }

    IReadOnlyList<ActionItemStatus> StatusChoices { get; }

    /// <summary>
    /// The item belongs to a frozen or signed plan: its text, track, owners, links, visibility and due date are
    /// shown as they stand and cannot be changed; its status can.
    /// </summary>
    bool ContentLocked { get; }
}

/// <summary>Creating an action item of a joint body.</summary>
public sealed class NewModel(ActionItemsHandler items, Microsoft.Extensions.Localization.IStringLocalizer<SharedResources> text) : EntentePage, IActionItemEditor
{
    protected override string? LabelOf(string field) => ActionItemForm.LabelOf(field, text);

    [BindProperty]
    public ActionItemForm Form { get; set; } = new();

    public BodyChoices Choices { get; private set; } = null!;

    public Guid BodyId { get; private set; }

    public EntentePage Editor => this;

    public bool ContentLocked => false;

    public IReadOnlyList<ActionItemStatus> StatusChoices => [ActionItemStatus.NotStarted, .. ActionItem.NextStatusesOf(ActionItemStatus.NotStarted)];

    public async Task OnGetAsync(Guid bodyId, Guid? trackId, Guid? planId, CancellationToken ct)
    {
        await LoadAsync(bodyId, ct);
        Form = new ActionItemForm { Status = "not-started", Visibility = "joint", TrackId = trackId, ActionPlanId = planId };
    }

    public async Task<IActionResult> OnPostAsync(Guid bodyId, CancellationToken ct)
    {
        await LoadAsync(bodyId, ct);
        var checks = new Checks();
        var request = Form.ToRequest(bodyId, EntenteClaims.PartyOf(User), checks);
        ActionItemResponse? created = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                created = await items.CreateAsync(request, ct);
            }))
        {
            return CreatedAt($"/action-items/{created!.Id}");
        }

        return Page();
    }

    private async Task LoadAsync(Guid bodyId, CancellationToken ct)
    {
        BodyId = bodyId;
        ViewData["BodyId"] = bodyId;
        Choices = await ChoicesAsync(bodyId, [TrackChoices.Source, InstitutionChoices.Source, PersonChoices.Source, ActionPlanChoices.Source], ct);
    }
}
