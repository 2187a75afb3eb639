using System.Globalization;
using System.Text.Json;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.ActionItems;

/// <summary>
/// The edit form of an action item as the page posts it. Field names are the API's, so that a
/// broken rule lands next to its field; dates are typed as text (Arabic-Indic digits accepted).
/// </summary>
public sealed class ActionItemForm
{
    public string? TitleAr { get; set; }

    public string? TitleEn { get; set; }

    public string? DescriptionAr { get; set; }

    public string? DescriptionEn { get; set; }

    public Guid? TrackId { get; set; }

    public string? DueOn { get; set; }

    public string? Status { get; set; }

    public string? Visibility { get; set; }

    public List<Guid> Owners { get; set; } = [];

    /// <summary>The people who answer for the item.</summary>
    public List<Guid> Assignees { get; set; } = [];

    /// <summary>Kept as read: the form does not change the plan or the linked agreements.</summary>
    public Guid? ActionPlanId { get; set; }

    public List<Guid> Agreements { get; set; } = [];

    /// <summary>The fields a person edits, by API field name, with their values as text (for comparing versions).</summary>
    public IReadOnlyDictionary<string, string> Values() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["title.ar"] = TitleAr ?? string.Empty,
        ["title.en"] = TitleEn ?? string.Empty,
        ["description.ar"] = DescriptionAr ?? string.Empty,
        ["description.en"] = DescriptionEn ?? string.Empty,
        ["trackId"] = TrackId?.ToString("D") ?? string.Empty,
        ["dueOn"] = Digits.ToAscii(DueOn ?? string.Empty).Trim(),
        ["status"] = Status ?? string.Empty,
        ["visibility"] = Visibility ?? string.Empty,
        ["ownerInstitutionIds"] = string.Join(",", Owners.Order()),
        ["assigneePersonIds"] = string.Join(",", Assignees.Order()),
    };

    public static ActionItemForm From(ActionItemResponse item) => new()
    {
        TitleAr = item.Title.Ar,
        TitleEn = item.Title.En,
        DescriptionAr = item.Description?.Ar,
        DescriptionEn = item.Description?.En,
        TrackId = item.TrackId,
        DueOn = item.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Status = EnumText.Policy.ConvertName(item.Status.ToString()),
        Visibility = EnumText.Policy.ConvertName(item.Visibility.ToString()),
        Owners = [.. item.Owners.Select(o => o.InstitutionId)],
        Assignees = [.. (item.Assignees ?? []).Select(a => a.PersonId)],
        ActionPlanId = item.ActionPlanId,
        Agreements = [.. item.AgreementIds],
    };

    /// <summary>
    /// The form as the API's request; a due date that is not a date is reported under <c>dueOn</c>.
    /// A national item belongs to the reader's own party.
    /// </summary>
    public ActionItemRequest ToRequest(Guid bodyId, Guid? readerParty, Checks checks)
    {
        var due = RecordForm.ParseDate(DueOn, "dueOn", checks);

        var national = Visibility == "national";
        return new ActionItemRequest(
            bodyId,
            ActionPlanId,
            TrackId,
            new TextDto(TitleAr, TitleEn),
            string.IsNullOrWhiteSpace(DescriptionAr) && string.IsNullOrWhiteSpace(DescriptionEn) ? null : new TextDto(DescriptionAr, DescriptionEn),
            due,
            Status,
            [.. Owners],
            [.. Agreements],
            Visibility,
            national ? readerParty : null,
            [.. Assignees]);
    }

    /// <summary>
    /// Re-applies this (the reader's) form on top of <paramref name="theirs"/>, as
    /// <see cref="RecordForm.ReapplyOn"/> does for the other records: every field the reader
    /// changed from <paramref name="read"/> keeps the reader's value, every other field takes the
    /// current one. Returns the merged form and the fields both sides changed.
    /// </summary>
    public (ActionItemForm Merged, IReadOnlyList<string> BothChanged) ReapplyOn(ActionItemForm read, ActionItemForm theirs)
    {
        static RecordForm Of(ActionItemForm form) => new(new Dictionary<string, string>(form.Values(), StringComparer.Ordinal));
        var (merged, both) = Of(this).ReapplyOn(Of(read), Of(theirs));
        return (new ActionItemForm
        {
            TitleAr = merged["title.ar"],
            TitleEn = merged["title.en"],
            DescriptionAr = merged["description.ar"],
            DescriptionEn = merged["description.en"],
            TrackId = Guid.TryParse(merged["trackId"], out var track) ? track : null,
            DueOn = merged["dueOn"],
            Status = merged["status"],
            Visibility = merged["visibility"],
            Owners = [.. merged["ownerInstitutionIds"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)],
            Assignees = [.. merged["assigneePersonIds"].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)],
            ActionPlanId = theirs.ActionPlanId,
            Agreements = theirs.Agreements,
        }, both);
    }

    /// <summary>The label of a field of the form, by its API name, in the reader's language.</summary>
    public static string LabelOf(string field, Microsoft.Extensions.Localization.IStringLocalizer text) => field switch
    {
        "title.ar" => $"{text["ui.field.title"]} ({text["ui.lang.ar"]})",
        "title.en" => $"{text["ui.field.title"]} ({text["ui.lang.en"]})",
        "description.ar" => $"{text["ui.field.description"]} ({text["ui.lang.ar"]})",
        "description.en" => $"{text["ui.field.description"]} ({text["ui.lang.en"]})",
        "trackId" => text["ui.field.track"],
        "actionPlanId" => text["ui.field.action-plan"],
        "dueOn" => text["ui.field.due-on"],
        "status" => text["ui.field.status"],
        "visibility" => text["ui.field.visibility"],
        "ownerInstitutionIds" => text["ui.field.owners"],
        "assigneePersonIds" => text["ui.field.assignees"],
        _ => field,
    };

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ActionItemForm? FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ActionItemForm>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
