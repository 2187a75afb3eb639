using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionItems;

/// <summary>
/// A person's workload: the action items the person answers for, across every body the reader
/// sees (the reader's own visibility rules apply, so another party's national items never show).
/// Without a person, the reader's own: "assigned to me".
/// </summary>
public sealed class AssignedModel(AppDbContext db, ActionItemsHandler items, TimeProvider clock) : EntentePage
{
    public const int PageSize = 25;

    /// <summary>Done and dropped items too (by default only open ones).</summary>
    [BindProperty(SupportsGet = true)]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    /// <summary>The person whose items these are; null when the reader's account is no recorded person.</summary>
    public Guid? PersonId { get; private set; }

    /// <summary>Whether the list is the reader's own.</summary>
    public bool Mine { get; private set; }

    public TextDto? PersonName { get; private set; }

    public PageOf<ActionItemResponse> Items { get; private set; } = new([], 0, 1, PageSize);

    public IReadOnlyDictionary<Guid, TextDto> Bodies { get; private set; } = new Dictionary<Guid, TextDto>();

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? personId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var account = EntenteClaims.AccountOf(User);
        var own = await db.Users.AsNoTracking().Where(a => a.Id == account).Select(a => a.PersonId).FirstOrDefaultAsync(ct);
        Mine = personId is null || personId == own;
        PersonId = personId ?? own;
        if (PersonId is not { } person)
        {
            return Page();
        }

        if ((await People.PersonChoices.ReadAsync(db.People.AsNoTracking().Where(p => p.Id == person), ct)).FirstOrDefault() is not { } named)
        {
            return NotFound();
        }

        PersonName = named.Name;
        var filter = new ActionItemFilter(null, null, null, null, null, null, null, null, "due", null, person, All ? null : true);
        await TryAsync(async () => Items = await items.ListAsync(filter, Paging.From(Math.Max(1, PageNumber), PageSize), ct));
        var bodyIds = Items.Items.Select(i => i.JointBodyId).Distinct().ToList();
        Bodies = (await db.JointBodies.AsNoTracking().Where(b => bodyIds.Contains(b.Id)).Select(b => new { b.Id, b.Name.Ar, b.Name.En }).ToListAsync(ct))
            .ToDictionary(b => b.Id, b => new TextDto(b.Ar, b.En));
        return Page();
    }

    public bool Overdue(ActionItemResponse item) => item.DueOn < Today && item.Status is ActionItemStatus.NotStarted or ActionItemStatus.InProgress or ActionItemStatus.Blocked;

    /// <summary>This list's address with the page or the "all" switch changed.</summary>
    public string With(int page, bool all)
    {
        var path = Mine ? "/items/assigned" : $"/items/assigned/{PersonId:D}";
        var query = new Dictionary<string, string?> { ["all"] = all ? "true" : null, ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(path, query.Where(q => q.Value is not null));
    }
}
