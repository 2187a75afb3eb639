using Entente.Data;
using Entente.Data.Search;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Search;

/// <summary>The search page: results as one types, filters by kind and body with their counts, marked snippets.</summary>
public sealed class IndexModel(AppDbContext db, SearchHandler search) : EntentePage
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Body { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public SearchResponse? Result { get; private set; }

    public IReadOnlyDictionary<Guid, TextDto> Bodies { get; private set; } = new Dictionary<Guid, TextDto>();

    public IReadOnlyList<string> Kinds => SearchIndexing.AllKinds;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Bodies = (await db.JointBodies.AsNoTracking().Select(b => new { b.Id, b.Name.Ar, b.Name.En }).ToListAsync(ct))
            .ToDictionary(b => b.Id, b => new TextDto(b.Ar, b.En));
        if (!string.IsNullOrWhiteSpace(Q))
        {
            await TryAsync(async () => Result = await search.SearchAsync(Q, Type, Body, null, From, To, Math.Max(1, PageNumber), SearchHandler.DefaultPageSize, asTyped: true, ct));
        }
    }

    /// <summary>The address of another page of the same search.</summary>
    public string PageHref(int page) =>
        "/search?" + string.Join('&', new[] { ("q", Q), ("type", Type), ("body", Body?.ToString()), ("from", From), ("to", To), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!)));
}
