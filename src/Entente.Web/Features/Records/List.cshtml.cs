using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Records;

/// <summary>A joint body's records of one kind: filtered and paged on the server by the feature's own list.</summary>
public sealed class ListModel(RecordPageSpecs specs, AppDbContext db) : RecordPage(specs, db)
{
    public const int PageSize = 25;

    public IReadOnlyList<JsonObject> Items { get; private set; } = [];

    public int Total { get; private set; }

    public int PageNumber { get; private set; } = 1;

    public Dictionary<string, string?> Filters { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync([FromRoute] string kind, [FromRoute] Guid bodyId, [FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        await StartAsync(kind, bodyId, ct);
        foreach (var f in Spec.Fields.Where(f => f.Filter is not null))
        {
            Filters[f.Filter!] = Request.Query[f.Filter!].ToString() is { Length: > 0 } v ? v : null;
        }

        Filters["sort"] = Request.Query["sort"].ToString() is { Length: > 0 } sort && Spec.SortKeys.Contains(sort.TrimStart('-')) ? sort : null;
        Filters["q"] = Request.Query["q"].ToString() is { Length: > 0 } q ? q : null;
        PageNumber = Math.Max(1, page ?? 1);
        await TryAsync(async () => (Items, Total) = await Spec.ListAsync(HttpContext.RequestServices, bodyId, Filters, Paging.From(PageNumber, PageSize, Filters["sort"], Filters["q"]), ct));
    }

    public string PageLink(int page) => Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(
        $"/bodies/{BodyId}/{Spec.Kind}",
        Filters.Where(f => f.Value is not null).Append(KeyValuePair.Create("page", (string?)page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
