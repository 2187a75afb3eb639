using Entente.Domain;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionItems;

/// <summary>
/// Editing an action item. The form carries the version it was read at and the values it was
/// read with; when someone else saved first, the page shows what they changed and puts the
/// reader's own changes back on top of theirs, to be reviewed and saved again.
/// </summary>
public sealed class EditModel(ActionItemsHandler items, Microsoft.Extensions.Localization.IStringLocalizer<SharedResources> text, Reader reader, Entente.Data.AppDbContext db) : EntentePage, IActionItemEditor
{
    [BindProperty]
    public ActionItemForm Form { get; set; } = new();

    /// <summary>The version the form was read at.</summary>
    [BindProperty]
    public long Version { get; set; }

    /// <summary>The values the form was read with (JSON), to tell the reader's changes from the other person's.</summary>
    [BindProperty]
    public string? Read { get; set; }

    public ActionItemResponse Item { get; private set; } = null!;

    public BodyChoices Choices { get; private set; } = null!;

    /// <summary>What the other person changed, and who and when, after a save that came second; null otherwise.</summary>
    public ConflictView? ConflictShown { get; private set; }

    public EntentePage Editor => this;

    public bool ContentLocked { get; private set; }

    public IReadOnlyList<ActionItemStatus> StatusChoices => [Item.Status, .. Item.NextStatuses];

    public async Task OnGetAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        Form = ActionItemForm.From(Item);
        Version = Item.Version;
        Read = Form.ToJson();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (ContentLocked)
        {
            // The locked fields are shown, not posted: they stay as stored, and only the status is taken from the form.
            var posted = Form.Status;
            Form = ActionItemForm.From(Item);
            Form.Status = posted;
        }

        var checks = new Checks();
        var request = Form.ToRequest(Item.JointBodyId, EntenteClaims.PartyOf(User), checks);
        ActionItemResponse? saved = null;
        if (await TryAsync(async () =>
            {
                checks.ThrowIfAny();
                saved = await items.UpdateAsync(Version, id, request, ct);
            }))
        {
            return Saved($"/action-items/{id}", Version, saved!.Version);
        }

        if (Conflict is not null)
        {
            ShowConflict(await LastChanges.OfAsync(db, id, ct));
        }

        return Page();
    }

    /// <summary>The other person's version becomes the base; the reader's changes go back on top of it.</summary>
    private void ShowConflict(LastChange? last)
    {
        var read = ActionItemForm.FromJson(Read) ?? ActionItemForm.From(Item);
        var theirs = ActionItemForm.From(Item);
        var (merged, both) = Form.ReapplyOn(read, theirs);
        var before = read.Values();
        var now = theirs.Values();
        var mine = Form.Values();
        ConflictShown = new ConflictView([.. now.Keys.Where(f => now[f] != before[f]).Select(f => new ConflictRow(Label(f), Show(f, theirs), Show(f, Form), both.Contains(f)))], last);
        Form = merged;
        Version = Item.Version;
        Read = theirs.ToJson();
        FieldErrors.Remove(string.Empty);
    }

    /// <summary>A field's value as the reader reads it.</summary>
    public string Show(string field, ActionItemForm form) => field switch
    {
        "trackId" => form.TrackId is { } t && Choices.Name(TrackChoices.Source, t) is { } name ? reader.Text(name) : "—",
        "status" => form.Status is { } s && EnumText.TryParse<ActionItemStatus>(s, out var status) ? reader.Name(status) : "—",
        "visibility" => form.Visibility == "national" ? text["ui.national"] : text["ui.joint"],
        "assigneePersonIds" => string.Join(reader.IsArabic ? "، " : ", ", form.Assignees.Select(a => Choices.Name(PersonChoices.Source, a) is { } n ? reader.Text(n) : "?")),
        "ownerInstitutionIds" => string.Join(reader.IsArabic ? "، " : ", ", form.Owners.Select(o => Choices.Of(InstitutionChoices.Source).FirstOrDefault(i => i.Id == o) is { } i ? reader.Text(i.Name) : "?")),
        "dueOn" => form.Values()["dueOn"] is { Length: > 0 } d && DateOnly.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var date) ? reader.Date(date) : "—",
        _ => form.Values()[field] is { Length: > 0 } v ? v : "—",
    };

    public string Label(string field) => ActionItemForm.LabelOf(field, text);

    protected override string? LabelOf(string field) => ActionItemForm.LabelOf(field, text);

    private async Task LoadAsync(Guid id, CancellationToken ct)
    {
        Item = await items.GetAsync(id, ct);
        ViewData["BodyId"] = Item.JointBodyId;
        Choices = await ChoicesAsync(Item.JointBodyId, [TrackChoices.Source, InstitutionChoices.Source, PersonChoices.Source, ActionPlanChoices.Source], ct);
        ContentLocked = Item.ActionPlanId is { } plan && await db.ActionPlans.AsNoTracking().AnyAsync(p => p.Id == plan && p.Status != ActionPlanStatus.Draft, ct);
    }
}
