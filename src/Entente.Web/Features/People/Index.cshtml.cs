using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.People;

/// <summary>The people of the parties the reader works with: names in both languages (every recorded spelling), titles over time.</summary>
public sealed class IndexModel(AppDbContext db, PeopleHandler people) : EntentePage
{
    [BindProperty(SupportsGet = true)]
    public string? Name { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Party { get; set; }

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PageOf<PersonResponse> People { get; private set; } = new([], 0, 1, 50);

    public IReadOnlyList<(Guid Id, TextDto Name)> Parties { get; private set; } = [];

    /// <summary>Each listed person's workload: the open action items the person answers for, of those the reader may see.</summary>
    public IReadOnlyDictionary<Guid, int> OpenItems { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Parties = [.. (await db.Parties.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.Name.Ar, p.Name.En }).ToListAsync(ct))
            .Select(p => (p.Id, new TextDto(p.Ar, p.En)))];
        await TryAsync(async () => People = await people.ListAsync(Party, string.IsNullOrWhiteSpace(Name) ? null : Name, Paging.From(Math.Max(1, PageNumber), 50), ct));
        var ids = People.Items.Select(p => p.Id).ToList();
        OpenItems = await db.ActionItems.AsNoTracking()
            .Where(i => i.Status == ActionItemStatus.NotStarted || i.Status == ActionItemStatus.InProgress || i.Status == ActionItemStatus.Blocked)
            .SelectMany(i => i.Assignees).Where(a => ids.Contains(a.PersonId))
            .GroupBy(a => a.PersonId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }
}
