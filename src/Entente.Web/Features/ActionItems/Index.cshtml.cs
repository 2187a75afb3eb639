using Entente.Web.Features.Parties;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionItems;

/// <summary>A joint body's action items: filtered, sorted and paged on the server (the API's list).</summary>
public sealed class IndexModel(Entente.Data.AppDbContext db, ActionItemsHandler items, TimeProvider clock) : EntentePage
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public Guid? Track { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>The items of one action plan (from the plan's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Plan { get; set; }

    /// <summary>The items of one session's plans (from the session's page).</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Session { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>The items one person answers for.</summary>
    [BindProperty(SupportsGet = true)]
    public Guid? Assignee { get; set; }

    /// <summary>The person the reader's account is, for "assigned to me".</summary>
    public Guid? Me { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? DueBefore { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? DueAfter { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true)]
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Guid BodyId { get; private set; }

    public PageOf<ActionItemResponse> Items { get; private set; } = new([], 0, 1, PageSize);

    public BodyChoices Choices { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    /// <summary>The name of the plan or session the list is narrowed to, when it is.</summary>
    public TextDto? ScopeTitle { get; private set; }

    public async Task OnGetAsync(Guid bodyId, CancellationToken ct)
    {
        BodyId = bodyId;
        ViewData["BodyId"] = bodyId;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Choices = await ChoicesAsync(bodyId, [TrackChoices.Source, InstitutionChoices.Source, People.PersonChoices.Source, Plan is null ? null : ActionPlans.ActionPlanChoices.Source, Session is null ? null : Sessions.SessionChoices.Source], ct);
        ScopeTitle = Plan is { } plan ? Choices.Name(ActionPlans.ActionPlanChoices.Source, plan) : Session is { } session ? Choices.Name(Sessions.SessionChoices.Source, session) : null;

        var account = Infrastructure.Auth.EntenteClaims.AccountOf(User);
        Me = await db.Users.AsNoTracking().Where(a => a.Id == account).Select(a => a.PersonId).FirstOrDefaultAsync(ct);
        var filter = new ActionItemFilter(bodyId, Session, Plan, Track, Empty(Status), null, Empty(DueBefore), Empty(DueAfter), Empty(Sort), Empty(Q), Assignee);
        await TryAsync(async () => Items = await items.ListAsync(filter, Paging.From(Math.Max(1, PageNumber), PageSize), ct));
    }

    /// <summary>The address of this list with one parameter changed (and back to the first page unless the page is what changes).</summary>
    public string With(string key, string? value)
    {
        var query = new Dictionary<string, string?>
        {
            ["track"] = Track?.ToString("D"),
            ["status"] = Status,
            ["plan"] = Plan?.ToString("D"),
            ["session"] = Session?.ToString("D"),
            ["dueBefore"] = DueBefore,
            ["dueAfter"] = DueAfter,
            ["sort"] = Sort,
            ["q"] = Q,
            ["assignee"] = Assignee?.ToString("D"),
            [key] = value,
        };
        if (key != "page")
        {
            query.Remove("page");
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"/bodies/{BodyId}/action-items", query.Where(q => !string.IsNullOrEmpty(q.Value)));
    }

    private static string? Empty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
