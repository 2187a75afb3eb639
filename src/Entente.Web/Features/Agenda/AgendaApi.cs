using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Obstacles;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Agenda;

/// <param name="StartsAt">Planned start, "HH:mm".</param>
public sealed record AgendaItemRequest(
    Guid? SessionId,
    Guid? MeetingId,
    TextDto? Title,
    Guid? TrackId,
    string? StartsAt,
    int? DurationMinutes,
    string? Visibility,
    Guid? OwnerPartyId,
    TextDto? Minutes);

public sealed record MinutesApprovalResponse(Guid PartyId, Guid AccountId, DateTime ApprovedAt);

public sealed record AgendaOutcomeResponse(RecordType RecordType, Guid RecordId, OutcomeAction Action, DateTime At);

public sealed record AgendaItemResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid SessionId,
    Guid? MeetingId,
    int Position,
    TextDto Title,
    Guid? TrackId,
    TimeOnly? StartsAt,
    int? DurationMinutes,
    Guid? CarriedActionItemId,
    Guid? CarriedObstacleId,
    Visibility Visibility,
    Guid? OwnerPartyId,
    TextDto? Minutes,
    MinutesStatus MinutesStatus,
    IReadOnlyList<MinutesApprovalResponse> MinutesApprovals,
    IReadOnlyList<AgendaOutcomeResponse> Outcomes) : IVersioned;

/// <param name="MeetingId">The meeting whose agenda to build; none for the session's own agenda.</param>
/// <param name="StartsAt">When the first item starts, "HH:mm" (10:00 when left out).</param>
public sealed record GenerateAgendaRequest(Guid? MeetingId, string? StartsAt);

public sealed record MoveAgendaItemRequest(int? Position);

/// <param name="Kind"><c>new-action-item</c>, <c>new-obstacle</c>, or <c>progress</c> (a progress report, and a new status when given, on the item the agenda item carries).</param>
public sealed record AgendaOutcomeRequest(string? Kind, TextDto? Title, TextDto? Text, DateOnly? DueOn, string? Status, Guid? ActionPlanId, int? PercentComplete);

/// <summary>
/// A session's or a meeting's agenda: generated from the body's tracks with the open action
/// items and obstacles of the previous period carried onto it, reordered and timed by hand,
/// joint or national item by item; each item's minutes go draft → proposed → approved by every
/// party concerned → locked, and may create or update action items and obstacles.
/// </summary>
public sealed class AgendaHandler(AppDbContext db, ActionItemsHandler items, ObstaclesHandler obstacles, TimeProvider clock)
    : RecordHandler<AgendaItem, AgendaItemRequest, AgendaItemResponse>(db, "agenda item")
{
    private static readonly TimeOnly DefaultStart = new(10, 0);

    protected override Expression<Func<AgendaItem, AgendaItemResponse>> Projection => a => new AgendaItemResponse(
        a.Id,
        a.Version,
        a.JointBodyId,
        a.SessionId,
        a.MeetingId,
        // The rank among the items the reader sees: another party's national items leave no gap.
        Db.AgendaItems.Count(o => o.SessionId == a.SessionId && o.MeetingId == a.MeetingId && o.Position < a.Position) + 1,
        new TextDto(a.Title.Ar, a.Title.En),
        a.TrackId,
        a.StartsAt,
        a.DurationMinutes,
        a.CarriedActionItemId,
        a.CarriedObstacleId,
        a.Visibility,
        a.OwnerPartyId,
        a.Minutes == null ? null : new TextDto(a.Minutes.Ar, a.Minutes.En),
        a.MinutesStatus,
        a.MinutesApprovals.OrderBy(m => m.ApprovedAt).Select(m => new MinutesApprovalResponse(m.PartyId, m.AccountId, m.ApprovedAt)).ToList(),
        a.Outcomes.OrderBy(o => o.At).Select(o => new AgendaOutcomeResponse(o.RecordType, o.RecordId, o.Action, o.At)).ToList());

    protected override IQueryable<AgendaItem> ForUpdate => Db.AgendaItems.Include(a => a.MinutesApprovals).Include(a => a.Outcomes);

    public Task<PageOf<AgendaItemResponse>> ListAsync(Guid? sessionId, Guid? meetingId, Paging paging, CancellationToken ct)
    {
        var query = Db.AgendaItems.AsNoTracking()
            .WhereIf(sessionId is not null, a => a.SessionId == sessionId)
            .Where(a => a.MeetingId == meetingId);
        return PageAsync(query.OrderBy(a => a.Position).ThenBy(a => a.Id), paging, ct);
    }

    protected override AgendaItem New() => new() { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(AgendaItem item, AgendaItemRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        var (sessionId, session) = await SessionGuard.ReadAsync(Db, checks, request.SessionId, isNew ? null : item.SessionId, "An agenda item", ct);
        var bodyId = session?.JointBodyId ?? item.JointBodyId;
        var parties = await Db.JointBodies.Where(b => b.Id == bodyId).SelectMany(b => b.Members.Select(m => m.PartyId)).ToListAsync(ct);
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        await refs.InBodyAsync<Meeting>(request.MeetingId, bodyId, m => m.SessionId == sessionId, "meetingId", ct);
        if (!isNew && request.MeetingId != item.MeetingId)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "meetingId", "An agenda item stays in its agenda; add a new one to another meeting's agenda."));
        }

        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : item);
        var title = checks.Text(request.Title, "title");
        var minutes = checks.OptionalText(request.Minutes, "minutes", BilingualText.MaxProseLength);
        var startsAt = Time(checks, request.StartsAt, "startsAt");
        checks.ThrowIfAny();

        item.SessionId = sessionId;
        item.JointBodyId = bodyId;
        item.MeetingId = request.MeetingId;
        checks.Try(() => item.Retitle(title));
        item.TrackId = request.TrackId;
        item.StartsAt = startsAt;
        item.DurationMinutes = request.DurationMinutes;
        checks.Try(() => item.EditMinutes(minutes));
        checks.Try(() =>
        {
            if (!isNew && visibility == Visibility.Joint)
            {
                item.Share();
            }

            item.SetVisibility(visibility, owner);
        });
        if (isNew)
        {
            item.Position = AgendaBuilder.After(await LastPositionAsync(sessionId, request.MeetingId, ct));
        }

        checks.AddRange(item.Check());
        checks.ThrowIfAny();
    }

    /// <summary>Builds an empty agenda (<see cref="AgendaBuilder"/>), timed from <see cref="GenerateAgendaRequest.StartsAt"/>; an agenda with items is refused.</summary>
    public async Task<IReadOnlyList<AgendaItemResponse>> GenerateAsync(Guid sessionId, GenerateAgendaRequest request, CancellationToken ct)
    {
        var session = await Db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("session", sessionId));
        await Db.EnsureMayChangeAsync(session, ct);
        var checks = new Checks();
        var refs = new References(Db, checks);
        await refs.InBodyAsync<Meeting>(request.MeetingId, session.JointBodyId, m => m.SessionId == sessionId, "meetingId", ct);
        var start = Time(checks, request.StartsAt, "startsAt") ?? DefaultStart;
        checks.ThrowIfAny();
        await SessionGuard.EnsureOpenAsync(Db, sessionId, ct);
        // Only the items the reader sees count: another party's national briefings neither block the agenda nor betray themselves.
        if (await Db.AgendaItems.AnyAsync(a => a.SessionId == sessionId && a.MeetingId == request.MeetingId, ct))
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.AgendaExists, "sessionId", "The agenda already has items: add, move or edit them one by one.")]));
        }

        var agenda = await AgendaBuilder.BuildAsync(Db, session, request.MeetingId, start, await LastPositionAsync(sessionId, request.MeetingId, ct), ct);
        Db.AgendaItems.AddRange(agenda);
        await Db.SaveChangesAsync(ct);
        return (await ListAsync(sessionId, request.MeetingId, new Paging(1, 200), ct)).Items;
    }

    /// <summary>Moves an item to <paramref name="request"/>'s position among the items the reader sees, and re-times them one after the other from the first one's start.</summary>
    public async Task<IReadOnlyList<AgendaItemResponse>> MoveAsync(long expectedVersion, Guid id, MoveAgendaItemRequest request, CancellationToken ct)
    {
        AgendaItem item = null!;
        await ChangeInOpenSessionAsync(expectedVersion, id, async (current, token) =>
        {
            item = current;
            await ReorderAsync(current, request, token);
        }, ct);
        return (await ListAsync(item.SessionId, item.MeetingId, new Paging(1, 200), ct)).Items;
    }

    private async Task ReorderAsync(AgendaItem item, MoveAgendaItemRequest request, CancellationToken ct)
    {
        var agenda = await Db.AgendaItems.Where(a => a.SessionId == item.SessionId && a.MeetingId == item.MeetingId).OrderBy(a => a.Position).ThenBy(a => a.Id).ToListAsync(ct);
        if (request.Position is not { } position || position < 1 || position > agenda.Count)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "position", $"'position' is between 1 and {agenda.Count}.", 1, agenda.Count)]));
        }

        // The positions the reader's items hold are kept as a set (another party's national items keep theirs) and handed out in the new order.
        var slots = agenda.Select(a => a.Position).ToList();
        var start = agenda.Where(a => a.Visibility == Visibility.Joint).Select(a => a.StartsAt).FirstOrDefault(t => t is not null)
            ?? agenda.Select(a => a.StartsAt).FirstOrDefault(t => t is not null);
        agenda.Remove(item);
        agenda.Insert(position - 1, item);
        for (var i = 0; i < agenda.Count; i++)
        {
            agenda[i].Position = slots[i];
        }

        if (start is { } first)
        {
            AgendaBuilder.Time(agenda, first);
        }
    }

    public Task<AgendaItemResponse> ProposeMinutesAsync(long version, Guid id, CancellationToken ct) =>
        ChangeInOpenSessionAsync(version, id, (item, _) => { item.ProposeMinutes(); return Task.CompletedTask; }, ct);

    public Task<AgendaItemResponse> ReturnMinutesAsync(long version, Guid id, CancellationToken ct) =>
        ChangeInOpenSessionAsync(version, id, (item, _) => { item.ReturnMinutesToDraft(); return Task.CompletedTask; }, ct);

    public Task<AgendaItemResponse> LockMinutesAsync(long version, Guid id, CancellationToken ct) =>
        ChangeInOpenSessionAsync(version, id, (item, _) => { item.LockMinutes(); return Task.CompletedTask; }, ct);

    public Task<AgendaItemResponse> ApproveMinutesAsync(ClaimsPrincipal user, long version, Guid id, CancellationToken ct) =>
        ChangeInOpenSessionAsync(version, id, async (item, token) =>
        {
            var account = Infrastructure.Auth.EntenteClaims.AccountOf(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to approve."));
            var party = Infrastructure.Auth.EntenteClaims.PartyOf(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to approve."));
            IReadOnlyCollection<Guid> concerned = item.Visibility == Visibility.National
                ? [item.OwnerPartyId!.Value]
                : await Db.JointBodies.Where(b => b.Id == item.JointBodyId).SelectMany(b => b.Members.Select(m => m.PartyId)).ToListAsync(token);
            item.ApproveMinutes(party, account, clock.GetUtcNow().UtcDateTime, concerned);
        }, ct);

    /// <summary>Records an outcome of the item's minutes: a new action item or obstacle in the item's track, or progress (and a new status) on the action item it carries.</summary>
    public async Task<AgendaItemResponse> AddOutcomeAsync(HttpContext http, Guid id, AgendaOutcomeRequest request, CancellationToken ct)
    {
        var item = await Db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new ApiErrorException(new ApiError.NotFound("agenda item", id));
        await Db.EnsureMayChangeAsync(item, ct);
        await SessionGuard.EnsureOpenAsync(Db, item.SessionId, ct);
        if (item.MinutesStatus == MinutesStatus.Locked)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.MinutesLocked, "minutesStatus", "The minutes are locked: their outcomes no longer change.")]));
        }

        var unused = request.Kind switch
        {
            "new-action-item" => new (string Field, bool Given)[] { ("percentComplete", request.PercentComplete is not null) },
            "new-obstacle" => [("dueOn", request.DueOn is not null), ("actionPlanId", request.ActionPlanId is not null), ("percentComplete", request.PercentComplete is not null)],
            "progress" => [("title", request.Title is not null), ("dueOn", request.DueOn is not null), ("actionPlanId", request.ActionPlanId is not null)],
            _ => [],
        };
        if (unused.Where(u => u.Given).Select(u => new RuleError(RuleCodes.OutOfRange, u.Field, $"'{u.Field}' is not part of a '{request.Kind}' outcome: leave it out.")).ToList() is { Count: > 0 } extra)
        {
            throw new ApiErrorException(new ApiError.Rules(extra));
        }

        // The outcome and the records it makes or changes are one write: all of it is saved, or none.
        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        try
        {
            var carried = item.CarriedActionItemId is { } carriedId ? await Db.ActionItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == carriedId, ct) : null;
            var trackId = item.TrackId ?? carried?.TrackId;
            var visibility = item.Visibility == Visibility.National ? "national" : "joint";
            var now = clock.GetUtcNow().UtcDateTime;
            (RecordType Type, Guid Id, OutcomeAction Action) outcome;
            switch (request.Kind)
            {
                case "new-action-item":
                    var owners = trackId is null ? [] : await Db.Tracks.Where(t => t.Id == trackId).SelectMany(t => t.Leads.Select(l => l.InstitutionId)).ToArrayAsync(ct);
                    var created = await items.CreateAsync(new ActionItemRequest(item.JointBodyId, request.ActionPlanId, trackId, request.Title, request.Text, request.DueOn, request.Status ?? "not-started", owners, [], visibility, item.OwnerPartyId), ct);
                    outcome = (RecordType.ActionItem, created.Id, OutcomeAction.Created);
                    break;
                case "new-obstacle":
                    var raised = await obstacles.CreateAsync(new ObstacleRequest(item.JointBodyId, trackId, item.CarriedActionItemId, null, request.Title, request.Text, request.Status ?? "open", null,
                        Infrastructure.Auth.EntenteClaims.PartyOf(http.User), DateOnly.FromDateTime(now), visibility, item.OwnerPartyId), ct);
                    outcome = (RecordType.Obstacle, raised.Id, OutcomeAction.Created);
                    break;
                case "progress" when carried is not null:
                    var current = await items.GetAsync(carried.Id, ct);
                    var updated = await items.AddUpdateAsync(current.Version, carried.Id, new ProgressUpdateRequest(Infrastructure.Auth.EntenteClaims.PartyOf(http.User), DateOnly.FromDateTime(now), request.Text, request.PercentComplete), ct);
                    if (request.Status is { Length: > 0 } status && status != Names.Kebab(updated.Status))
                    {
                        await items.UpdateAsync(updated.Version, carried.Id, new ActionItemRequest(
                            updated.JointBodyId, updated.ActionPlanId, updated.TrackId, updated.Title, updated.Description, updated.DueOn, status,
                            [.. updated.Owners.Select(o => o.InstitutionId)], [.. updated.AgreementIds], Names.Kebab(updated.Visibility), updated.OwnerPartyId), ct);
                    }

                    outcome = (RecordType.ActionItem, carried.Id, OutcomeAction.Updated);
                    break;
                case "progress":
                    throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.NothingCarried, "kind", "Progress is reported on the action item an agenda item carries; this one carries none.")]));
                default:
                    throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "kind", "'kind' is new-action-item, new-obstacle or progress.")]));
            }

            var tracked = await ForUpdate.FirstAsync(a => a.Id == id, ct);
            tracked.AddOutcome(outcome.Type, outcome.Id, outcome.Action, now);
            Db.Entry(tracked).Property(a => a.Version).IsModified = true; // an outcome is a change of the item: its version moves
            await Db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (ApiErrorException e) when (e.Error is ApiError.Rules rules)
        {
            // The records an outcome makes name the outcome's text their description: the caller wrote 'text'.
            throw new ApiErrorException(new ApiError.Rules([.. rules.Errors.Select(r => r with { Field = r.Field.StartsWith("description", StringComparison.Ordinal) ? "text" + r.Field["description".Length..] : r.Field })]));
        }

        return await GetAsync(id, ct);
    }

    /// <summary>A change of one item through the records' guarded update, in a session open for changes (else 409).</summary>
    private Task<AgendaItemResponse> ChangeInOpenSessionAsync(long expectedVersion, Guid id, Func<AgendaItem, CancellationToken, Task> change, CancellationToken ct) =>
        ChangeAsync(expectedVersion, id, async (item, token) =>
        {
            await SessionGuard.EnsureOpenAsync(Db, item.SessionId, token);
            await change(item, token);
            item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        }, ct);

    /// <summary>The last position of the agenda, whoever's item holds it (so that a new item never shares a position with one the reader cannot see).</summary>
    private async Task<int> LastPositionAsync(Guid sessionId, Guid? meetingId, CancellationToken ct) =>
        await Db.AgendaItems.IgnoreQueryFilters().Where(a => a.SessionId == sessionId && a.MeetingId == meetingId).MaxAsync(a => (int?)a.Position, ct) ?? 0;

    private static TimeOnly? Time(Checks checks, string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (TimeOnly.TryParseExact(Digits.ToAscii(text.Trim()), ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        checks.Add(new RuleError(RuleCodes.InvalidDate, field, $"'{field}' is a time of day, HH:mm."));
        return null;
    }
}

/// <summary>
/// The first draft of an agenda: opening; each track of the body, followed by the open action
/// items of the previous session's plans and the open obstacles in that track, carried onto it
/// (national ones stay national to their party); the action plan, the joint statement, the next
/// meeting; closing. Items are timed one after the other from <c>start</c> (see <see cref="Time"/>).
/// </summary>
public static class AgendaBuilder
{
    /// <summary>A heading made of a word and a record's text, or empty when that text awaits its translation (it stays pending, never a heading without its subject).</summary>
    /// <summary>A title framed as a follow-up, unless it says so already («متابعة …», "Follow up …"): no «متابعة: متابعة …».</summary>
    private static string Prefixed(string prefix, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var word = prefix.TrimEnd(' ', ':').Split(' ', '-')[0];
        return text.TrimStart().StartsWith(word, StringComparison.OrdinalIgnoreCase) ? text : prefix + text;
    }

    /// <summary>
    /// Times items in their order from <paramref name="start"/>: the joint items one after the other; a
    /// national item (one party's internal briefing) runs beside the joint agenda, starting where it sits
    /// and pushing nothing back, so that the joint times the other party reads never depend on it.
    /// </summary>
    public static void Time(IReadOnlyList<AgendaItem> ordered, TimeOnly start)
    {
        var at = start;
        foreach (var item in ordered)
        {
            item.StartsAt = at;
            if (item.Visibility == Visibility.Joint)
            {
                at = at.AddMinutes(item.DurationMinutes ?? 0);
            }
        }
    }

    /// <summary>
    /// The position of an item placed after <paramref name="last"/>. Positions are order keys with gaps of
    /// random width, not counts: a party's stored positions (which its history shows) say nothing of how many
    /// items it cannot see lie between its own. Readers see ranks (1, 2, 3…).
    /// </summary>
    public static int After(int last) => last + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, 1024);

    public static async Task<List<AgendaItem>> BuildAsync(AppDbContext db, Session session, Guid? meetingId, TimeOnly start, int lastPosition, CancellationToken ct)
    {
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == session.JointBodyId).ToListAsync(ct);
        Guid TopOf(Guid trackId) => tracks.FirstOrDefault(t => t.Id == trackId)?.ParentTrackId ?? trackId;
        var previous = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == session.JointBodyId && s.Number < session.Number)
            .OrderByDescending(s => s.Number).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var previousPlans = db.ActionPlans.Where(p => p.SessionId == previous).Select(p => (Guid?)p.Id);
        var carried = (await db.ActionItems.AsNoTracking().Where(i => previousPlans.Contains(i.ActionPlanId)).OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct))
            .Where(i => i.IsOpen).ToList();
        var openObstacles = await db.Obstacles.AsNoTracking()
            .Where(o => o.JointBodyId == session.JointBodyId && o.Status != ObstacleStatus.Resolved)
            .OrderBy(o => o.RaisedOn).ThenBy(o => o.Id).ToListAsync(ct);

        var agenda = new List<AgendaItem>();
        void Add(string ar, string en, int minutes, Guid? track = null, BodyRecord? from = null, Guid? actionItem = null, Guid? obstacle = null)
        {
            var item = new AgendaItem
            {
                JointBodyId = session.JointBodyId,
                SessionId = session.Id,
                MeetingId = meetingId,
                Title = new BilingualText(ar, en),
                TrackId = track,
                DurationMinutes = minutes,
                CarriedActionItemId = actionItem,
                CarriedObstacleId = obstacle,
            };
            if (from is { Visibility: Visibility.National })
            {
                item.SetVisibility(Visibility.National, from.OwnerPartyId);
            }

            agenda.Add(item);
        }

        Add("الافتتاح وإقرار جدول الأعمال", "Opening and adoption of the agenda", 10);
        foreach (var track in tracks.Where(t => t.ParentTrackId is null).OrderBy(t => t.Area).ThenBy(t => t.Name.En, StringComparer.Ordinal))
        {
            Add(Prefixed("مراجعة مسار ", track.Name.Ar), Prefixed("Review of the track: ", track.Name.En), 10, track.Id);
            foreach (var item in carried.Where(i => TopOf(i.TrackId) == track.Id))
            {
                Add(Prefixed("متابعة: ", item.Title.Ar), Prefixed("Follow-up: ", item.Title.En), 5, item.TrackId, item, actionItem: item.Id);
            }

            foreach (var obstacle in openObstacles.Where(o => (o.TrackId is { } t && TopOf(t) == track.Id)
                || (o.TrackId is null && carried.FirstOrDefault(i => i.Id == o.ActionItemId) is { } i && TopOf(i.TrackId) == track.Id)))
            {
                Add(Prefixed("عقبة: ", obstacle.Title.Ar), Prefixed("Obstacle: ", obstacle.Title.En), 5, obstacle.TrackId ?? track.Id, obstacle, obstacle: obstacle.Id);
            }
        }

        Add("إقرار خطة العمل للفترة المقبلة والتوقيع عليها", "Adoption and signature of the action plan for the next period", 15);
        Add("البيان المشترك", "Joint statement", 5);
        Add("موعد ومكان الاجتماع القادم", "Date and venue of the next meeting", 5);
        Add("الختام", "Closing", 5);

        foreach (var item in agenda)
        {
            lastPosition = item.Position = After(lastPosition);
        }

        Time(agenda, start);
        return agenda;
    }
}

public static class AgendaApi
{
    public static void MapAgendaApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapApiGroup("/api/sessions", "Agenda");
        sessions.MapPost("/{id:guid}/agenda", async (Guid id, GenerateAgendaRequest? request, AgendaHandler h, CancellationToken ct) =>
            TypedResults.Created($"/api/agenda-items?sessionId={id}", await h.GenerateAsync(id, request ?? new GenerateAgendaRequest(null, null), ct)));

        var group = app.MapApiGroup("/api/agenda-items", "Agenda");
        group.MapGet("/", (Guid? sessionId, Guid? meetingId, string? q, int? page, int? pageSize, AgendaHandler h, CancellationToken ct) =>
            h.ListAsync(sessionId, meetingId, Paging.From(page, pageSize, null, q), ct));
        group.MapRecordRoutes<AgendaHandler, AgendaItem, AgendaItemRequest, AgendaItemResponse>();
        group.MapPost("/{id:guid}/move", async (Guid id, MoveAgendaItemRequest? request, AgendaHandler h, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await h.MoveAsync(http.RequiredIfMatch(), id, Crud.RequireBody(request), ct)));
        group.MapRecordAction<AgendaHandler, AgendaItemResponse>("minutes/proposal", (h, version, id, ct) => h.ProposeMinutesAsync(version, id, ct));
        group.MapPost("/{id:guid}/minutes/approval", async (Guid id, ClaimsPrincipal user, AgendaHandler h, HttpContext http, CancellationToken ct) => Versioned(http, await h.ApproveMinutesAsync(user, http.RequiredIfMatch(), id, ct)));
        group.MapRecordAction<AgendaHandler, AgendaItemResponse>("minutes/return", (h, version, id, ct) => h.ReturnMinutesAsync(version, id, ct));
        group.MapRecordAction<AgendaHandler, AgendaItemResponse>("minutes/lock", (h, version, id, ct) => h.LockMinutesAsync(version, id, ct));
        sessions.MapGet("/{id:guid}/agenda/export", async (Guid id, Guid? meetingId, string? what, string? format, string? lang, AgendaExport export, CancellationToken ct) =>
        {
            var file = await export.ExportAsync(id, meetingId, what, format, lang, ct);
            return TypedResults.File(file.Content, file.MediaType, file.FileName);
        });
        group.MapPost("/{id:guid}/outcomes", async (Guid id, AgendaOutcomeRequest? request, AgendaHandler h, HttpContext http, CancellationToken ct) =>
            Versioned(http, await h.AddOutcomeAsync(http, id, Crud.RequireBody(request), ct)));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.Ok<AgendaItemResponse> Versioned(HttpContext http, AgendaItemResponse response)
    {
        http.SetETag(response.Version);
        return TypedResults.Ok(response);
    }
}
