using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Web.Features.Notes;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Records;

/// <summary>One record: its fields in the reader's language, its visibility, the records that belong to it, the notes on it the reader may see.</summary>
public sealed class DetailsModel(RecordPageSpecs recordSpecs, AppDbContext db, Discussions discussions, RecordTargets targets, Reader reader, IEnumerable<IRelatedSource> sources) : RecordPage(recordSpecs, db)
{
    /// <summary>How many records of each related kind the page shows before linking to the whole list.</summary>
    public const int RelatedShown = 10;

    public JsonObject Record { get; private set; } = [];

    public RecordForm Form { get; private set; } = null!;

    /// <summary>The notes on the record as a discussion, when notes may be written on records of its kind.</summary>
    public DiscussionView? Discussion { get; private set; }

    public IReadOnlyList<RecordLink> Links { get; private set; } = [];

    /// <summary>The records of other kinds that belong to this one, each list with its kind.</summary>
    public IReadOnlyList<(string Kind, RelatedPage Page)> Related { get; private set; } = [];

    public async Task OnGetAsync([FromRoute] string kind, [FromRoute] Guid id, CancellationToken ct)
    {
        var spec = Specs.Find(kind) ?? throw new ApiErrorException(new ApiError.NotFound(kind, id));
        Record = await spec.GetAsync(HttpContext.RequestServices, id, ct);
        await StartAsync(kind, BodyOf(Record), ct);
        await ReadLockAsync(Record, ct);
        Form = RecordForm.FromRecord(Spec, Record);
        if (targets.Classes.FirstOrDefault(c => c.RecordClass == spec.EntityType) is { RecordClass: not null } target)
        {
            Discussion = await discussions.LoadAsync(User, BodyId, target.Type, id, $"/{kind}/{id:D}", ct);
        }
        Links = await Spec.LinksAsync(HttpContext.RequestServices, Record, reader.Language, ct);
        var related = new List<(string, RelatedPage)>();
        foreach (var list in Spec.Related)
        {
            related.Add((list.Kind, await RelatedAsync(list, id, ct)));
        }

        Related = related;
    }

    /// <summary>The first records of a related list, through the list of their kind (its filters, its visibility), headed as their own pages head them.</summary>
    private async Task<RelatedPage> RelatedAsync(RelatedList list, Guid id, CancellationToken ct)
    {
        if (sources.FirstOrDefault(s => s.Kind == list.Kind) is { } source)
        {
            return await source.ListAsync(HttpContext.RequestServices, BodyId, list.Filter, id, RelatedShown, reader, ct);
        }

        var spec = Specs.Find(list.Kind) ?? throw new InvalidOperationException($"No pages list '{list.Kind}'.");
        var choices = await ChoicesAsync(BodyId, spec.Fields.SelectMany(f => new[] { f.Choices, f.Institutions }), ct);
        var filters = new Dictionary<string, string?>(StringComparer.Ordinal) { [list.Filter] = id.ToString("D") };
        var (items, total) = await spec.ListAsync(HttpContext.RequestServices, BodyId, filters, Paging.From(1, RelatedShown), ct);
        var text = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>();
        var title = spec.Fields.First(f => f.Path == spec.TitlePath);
        var details = spec.Fields.Where(f => f.InList && f.Path != spec.TitlePath && f.Path != list.Filter && f.Kind is FieldKind.Enum or FieldKind.PartialDate).Take(2).ToList();
        var rows = items.Select(item =>
        {
            var form = RecordForm.FromRecord(spec, item);
            var shown = reader.Show(title, form, choices);
            var heading = spec.HeadingFormat is { } format ? string.Format(System.Globalization.CultureInfo.CurrentCulture, text[format], shown) : shown;
            var detail = string.Join(" · ", details.Select(f => reader.Show(f, form, choices)).Where(v => !string.IsNullOrWhiteSpace(v)));
            return new RelatedRow($"/{spec.Kind}/{item["id"]!.GetValue<string>()}", heading, detail.Length == 0 ? null : detail, item["visibility"]?.GetValue<string>() == "national");
        }).ToList();
        return new RelatedPage(rows, total, $"/bodies/{BodyId}/{spec.Kind}?{list.Filter}={id:D}");
    }
}
