using System.Linq.Expressions;
using Entente.Data;
using Entente.Data.Search;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionItems;

public sealed record ActionItemRequest(
    Guid? JointBodyId,
    Guid? ActionPlanId,
    Guid? TrackId,
    TextDto? Title,
    TextDto? Description,
    DateOnly? DueOn,
    string? Status,
    Guid[]? OwnerInstitutionIds,
    Guid[]? AgreementIds,
    string? Visibility,
    Guid? OwnerPartyId,
    Guid[]? AssigneePersonIds = null);

public sealed record ProgressUpdateRequest(Guid? PartyId, DateOnly? On, TextDto? Text, int? PercentComplete);

public sealed record OwnerResponse(Guid InstitutionId, Guid PartyId, TextDto Institution);

/// <summary>A person who answers for an item, named in both languages by the preferred spellings.</summary>
public sealed record AssigneeResponse(Guid PersonId, Guid PartyId, TextDto Name);

public sealed record ProgressUpdateResponse(Guid Id, Guid PartyId, DateOnly On, TextDto Text, int? PercentComplete, DateTime CreatedAt);

public sealed record ActionItemResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? ActionPlanId,
    Guid TrackId,
    TextDto Title,
    TextDto? Description,
    DateOnly? DueOn,
    ActionItemStatus Status,
    IReadOnlyList<ActionItemStatus> NextStatuses,
    IReadOnlyList<OwnerResponse> Owners,
    IReadOnlyList<Guid> AgreementIds,
    IReadOnlyList<ProgressUpdateResponse> Updates,
    Visibility Visibility,
    Guid? OwnerPartyId,
    Guid? CarriedFromId = null,
    IReadOnlyList<AssigneeResponse>? Assignees = null) : IVersioned;

/// <summary>Action items: owners, due dates, status and the dated progress either side reports.</summary>
public sealed class ActionItemsHandler(AppDbContext db, ReadModelCache? cache = null) : RecordHandler<ActionItem, ActionItemRequest, ActionItemResponse>(db, "action item")
{
    protected override Expression<Func<ActionItem, ActionItemResponse>> Projection => i => new ActionItemResponse(
        i.Id,
        i.Version,
        i.JointBodyId,
        i.ActionPlanId,
        i.TrackId,
        new TextDto(i.Title.Ar, i.Title.En),
        i.Description == null ? null : new TextDto(i.Description.Ar, i.Description.En),
        i.DueOn,
        i.Status,
        ActionItem.NextStatusesOf(i.Status),
        i.Owners.Join(Db.Institutions, o => o.InstitutionId, n => n.Id, (o, n) => new { o.InstitutionId, o.PartyId, n.Name })
            .OrderBy(o => o.PartyId).ThenBy(o => o.InstitutionId)
            .Select(o => new OwnerResponse(o.InstitutionId, o.PartyId, new TextDto(o.Name.Ar, o.Name.En))).ToList(),
        i.Agreements.OrderBy(a => a.AgreementId).Select(a => a.AgreementId).ToList(),
        i.Updates.OrderByDescending(u => u.On).ThenByDescending(u => u.CreatedAt)
            .Select(u => new ProgressUpdateResponse(u.Id, u.PartyId, u.On, new TextDto(u.Text.Ar, u.Text.En), u.PercentComplete, u.CreatedAt)).ToList(),
        i.Visibility,
        i.OwnerPartyId,
        i.CarriedFromId,
        i.Assignees.Join(Db.People, a => a.PersonId, p => p.Id, (a, p) => new { a.PersonId, a.PartyId, p.Names })
            .OrderBy(a => a.PartyId).ThenBy(a => a.PersonId)
            .Select(a => new AssigneeResponse(
                a.PersonId,
                a.PartyId,
                new TextDto(
                    a.Names.Where(n => n.Language == "ar").OrderByDescending(n => n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                    a.Names.Where(n => n.Language == "en").OrderByDescending(n => n.IsPreferred).Select(n => n.Text).FirstOrDefault()))).ToList());


    protected override IQueryable<ActionItem> ForUpdate => Db.ActionItems.Include(i => i.Owners).Include(i => i.Assignees).Include(i => i.Agreements);

    /// <summary>Lists action items by body, session, plan, track, status, owning party and due window, soonest due first.</summary>
    /// <remarks>
    /// Kept per reader's party while nothing is saved (<see cref="ReadModelCache"/>), in the caller's language (titles sort by it);
    /// not a list narrowed by words, which reads the search entries (ADR 0013).
    /// </remarks>
    public Task<PageOf<ActionItemResponse>> ListAsync(ActionItemFilter filter, Paging paging, CancellationToken ct) =>
        cache is null || filter.Q is not null || paging.Q is not null
            ? ReadListAsync(filter, paging, ct)
            : cache.GetOrReadAsync((filter, paging, System.Globalization.CultureInfo.CurrentUICulture.Name), () => ReadListAsync(filter, paging, ct));

    private Task<PageOf<ActionItemResponse>> ReadListAsync(ActionItemFilter filter, Paging paging, CancellationToken ct)
    {
        var query = Db.ActionItems.AsNoTracking();
        query = query.WhereIf(filter.JointBodyId is not null, i => i.JointBodyId == filter.JointBodyId);

        if (filter.SessionId is not null)
        {
            var planIds = Db.ActionPlans.Where(p => p.SessionId == filter.SessionId).Select(p => (Guid?)p.Id);
            query = query.Where(i => planIds.Contains(i.ActionPlanId));
        }

        query = query.WhereIf(filter.ActionPlanId is not null, i => i.ActionPlanId == filter.ActionPlanId);
        query = query.WhereIf(filter.TrackId is not null, i => i.TrackId == filter.TrackId);

        // Words of the item, its owners or its progress updates (q), found as search finds them: by the terms of their entries (ADR 0011).
        query = query.Matching(Db, filter.Q, filter.JointBodyId, SearchIndexing.KindsOf(typeof(ActionItem)));

        if (Filters.Enum<ActionItemStatus>(filter.Status, "status") is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        query = query.WhereIf(filter.PartyId is not null, i => i.Owners.Any(o => o.PartyId == filter.PartyId));
        query = query.WhereIf(filter.AssigneePersonId is not null, i => i.Assignees.Any(a => a.PersonId == filter.AssigneePersonId));
        if (filter.Open is { } open)
        {
            query = open
                ? query.Where(i => i.Status == ActionItemStatus.NotStarted || i.Status == ActionItemStatus.InProgress || i.Status == ActionItemStatus.Blocked)
                : query.Where(i => i.Status == ActionItemStatus.Done || i.Status == ActionItemStatus.Dropped);
        }

        if (Filters.Date(filter.DueBefore, "dueBefore") is { } before)
        {
            query = query.Where(i => i.DueOn < before);
        }

        if (Filters.Date(filter.DueAfter, "dueAfter") is { } after)
        {
            query = query.Where(i => i.DueOn > after);
        }

        var arabic = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";
        IOrderedQueryable<ActionItem> ordered = (filter.Sort ?? "due") switch
        {
            // Undated items last. PostgreSQL sorts nulls last in an ascending order already, and so reads the page from
            // the index in its order; SQLite sorts them first and needs the key.
            "due" => Db.SortsNullsLast ? query.OrderBy(i => i.DueOn) : query.OrderBy(i => i.DueOn == null).ThenBy(i => i.DueOn),
            "-due" => query.OrderBy(i => i.DueOn == null).ThenByDescending(i => i.DueOn),
            "title" => arabic ? query.OrderBy(i => i.Title.Ar) : query.OrderBy(i => i.Title.En),
            "status" => query.OrderBy(i => i.Status).ThenBy(i => i.DueOn),
            "-updated" => query.OrderByDescending(i => i.UpdatedAt),
            _ => throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "sort", "'sort' is one of due, -due, title, status, -updated.")])),
        };
        return PageAsync(ordered.ThenBy(i => i.Id), paging with { Q = null }, ct);
    }

    /// <summary>The orders the list offers.</summary>
    public static readonly string[] Sorts = ["due", "-due", "title", "status", "-updated"];

    /// <summary>Adds a dated progress report of one side to the item (a write on the item: it needs the item's If-Match).</summary>
    public Task<ActionItemResponse> AddUpdateAsync(HttpContext http, Guid id, ProgressUpdateRequest request, CancellationToken ct) =>
        AddUpdateAsync(http.RequiredIfMatch(), id, request, ct);

    /// <summary>Adds a progress report to the item if it is still at <paramref name="expectedVersion"/>.</summary>
    public async Task<ActionItemResponse> AddUpdateAsync(long expectedVersion, Guid id, ProgressUpdateRequest request, CancellationToken ct)
    {
        await Crud.UpdateAsync(Db, expectedVersion, Db.ActionItems, id, "action item", async item =>
        {
            var checks = new Checks();
            var refs = new References(Db, checks);
            var parties = await refs.BodyPartiesAsync(item.JointBodyId, "jointBodyId", ct);
            var partyId = checks.Required(request.PartyId, "partyId");
            await refs.ExistsAsync<Party>(request.PartyId, "partyId", ct);
            refs.Member(parties, request.PartyId, "partyId");
            var update = new ProgressUpdate
            {
                ActionItemId = item.Id,
                PartyId = partyId,
                On = checks.Required(request.On, "on"),
                Text = checks.Text(request.Text, "text", BilingualText.MaxProseLength),
                PercentComplete = request.PercentComplete,
            };
            if (update.PercentComplete is < 0 or > 100)
            {
                checks.AddRange(update.Check().Where(e => e.Field == "percentComplete"));
            }

            checks.ThrowIfAny();
            Db.ProgressUpdates.Add(update);
        }, ct);
        return await GetAsync(id, ct);
    }

    protected override ActionItem New() => new ActionItem { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(ActionItem item, ActionItemRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : item.JointBodyId, "An action item", ct);
        var trackId = checks.Required(request.TrackId, "trackId");
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        await refs.InBodyAsync<ActionPlan>(request.ActionPlanId, bodyId, p => p.JointBodyId == bodyId, "actionPlanId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : item);
        var institutionIds = checks.Ids(request.OwnerInstitutionIds, "ownerInstitutionIds");
        var owners = await refs.InstitutionPartiesAsync(institutionIds, "ownerInstitutionIds", ct);
        foreach (var (institution, party) in owners)
        {
            refs.Member(parties, party, $"ownerInstitutionIds[{institutionIds.IndexOf(institution)}]");
        }

        // Left out, the item keeps its assignees (a client that predates them changes none); an empty list clears them.
        var assigneeIds = request.AssigneePersonIds is null && !isNew ? [.. item.Assignees.Select(a => a.PersonId)] : checks.Ids(request.AssigneePersonIds, "assigneePersonIds");
        var assignees = await refs.PersonPartiesAsync(assigneeIds, "assigneePersonIds", ct);
        foreach (var (person, party) in assignees)
        {
            refs.Member(parties, party, $"assigneePersonIds[{assigneeIds.IndexOf(person)}]");
        }

        var agreementIds = checks.Ids(request.AgreementIds, "agreementIds");
        await refs.AllInBodyAsync<Agreement>(agreementIds, a => a.JointBodyId == bodyId, "agreementIds", ct);

        var title = checks.Text(request.Title, "title");
        var description = checks.OptionalText(request.Description, "description");
        var status = checks.Enum<ActionItemStatus>(request.Status, "status") ?? item.Status;
        checks.ThrowIfAny();

        var planLocked = await Db.ActionPlans.AnyAsync(p => (p.Id == item.ActionPlanId || p.Id == request.ActionPlanId) && p.Status != ActionPlanStatus.Draft, ct);
        var contentChanged = isNew || title != item.Title || description != item.Description || request.DueOn != item.DueOn
            || trackId != item.TrackId || request.ActionPlanId != item.ActionPlanId
            || visibility != item.Visibility || owner != item.OwnerPartyId
            || !owners.Keys.Order().SequenceEqual(item.Owners.Select(o => o.InstitutionId).Order())
            || !assignees.Keys.Order().SequenceEqual(item.Assignees.Select(a => a.PersonId).Order())
            || !agreementIds.Order().SequenceEqual(item.Agreements.Select(a => a.AgreementId).Order());
        if (planLocked && contentChanged)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.PlanLocked, "actionPlanId", "The action plan is frozen or signed: its items' text, track, owners, assignees, links, visibility and due dates can no longer change; status and progress can.")]));
        }

        item.JointBodyId = bodyId;
        item.ActionPlanId = request.ActionPlanId;
        item.TrackId = trackId;
        item.SetVisibility(visibility, owner);
        item.Title = title;
        item.Description = description;
        item.DueOn = request.DueOn;
        item.Owners.SyncWith(owners.Select(o => new ActionItemOwner { ActionItemId = item.Id, InstitutionId = o.Key, PartyId = o.Value }), o => o.InstitutionId);
        item.Assignees.SyncWith(assignees.Select(a => new ActionItemAssignee { ActionItemId = item.Id, PersonId = a.Key, PartyId = a.Value }), a => a.PersonId);
        item.Agreements.SyncWith(agreementIds.Select(a => new ActionItemAgreement { ActionItemId = item.Id, AgreementId = a }), a => a.AgreementId);
        checks.Try(() => item.ChangeStatus(status));
        checks.AddRange(item.Check());
        checks.ThrowIfAny();
    }
}

/// <summary>The filters of the action-item list.</summary>
/// <param name="Sort">due (soonest first, the default), -due, title (in the caller's language), status, -updated.</param>
/// <param name="Q">Words of the item (title, description, owners) or of its progress updates, in either language, found as search finds them (every word, Arabic- and English-aware).</param>
/// <param name="AssigneePersonId">Items the person answers for (a person's workload; the caller's own person gives "assigned to me").</param>
/// <param name="Open">true: not started, in progress or blocked; false: done or dropped.</param>
public sealed record ActionItemFilter(Guid? JointBodyId, Guid? SessionId, Guid? ActionPlanId, Guid? TrackId, string? Status, Guid? PartyId, string? DueBefore, string? DueAfter, string? Sort = null, string? Q = null, Guid? AssigneePersonId = null, bool? Open = null);

public static class ActionItemsApi
{
    public static void MapActionItemsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/action-items", "Action items");
        group.MapGet("/", ([AsParameters] ActionItemFilter filter, int? page, int? pageSize, ActionItemsHandler h, CancellationToken ct) =>
            h.ListAsync(filter, Paging.From(page, pageSize, null, filter.Q), ct));
        group.MapRecordRoutes<ActionItemsHandler, ActionItem, ActionItemRequest, ActionItemResponse>();
        group.MapPost("/{id:guid}/updates", async (Guid id, ProgressUpdateRequest? request, ActionItemsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var response = await h.AddUpdateAsync(http, id, Crud.RequireBody(request), ct);
            http.SetETag(response.Version);
            return TypedResults.Ok(response);
        });
    }
}
