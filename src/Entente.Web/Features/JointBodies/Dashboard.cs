using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.JointBodies;

/// <summary>Action items of one track by status.</summary>
public sealed record TrackProgress(Guid TrackId, TextDto Track, IReadOnlyDictionary<ActionItemStatus, int> Items)
{
    public int Total => Items.Values.Sum();

    /// <summary>Share of the track's items that are done, 0 to 100 (dropped items left out).</summary>
    public int PercentDone
    {
        get
        {
            var counted = Total - Items.GetValueOrDefault(ActionItemStatus.Dropped);
            return counted == 0 ? 0 : (int)Math.Round(100.0 * Items.GetValueOrDefault(ActionItemStatus.Done) / counted);
        }
    }
}

public sealed record PipelineStage(AgreementStatus Status, int Count);

public sealed record IndicatorPoint(DateOnly PeriodStart, DateOnly PeriodEnd, decimal Value);

public sealed record IndicatorSeries(Guid Id, TextDto Name, string Unit, bool IsCurrency, Visibility Visibility, IReadOnlyList<IndicatorPoint> Points);

public sealed record DueItem(Guid Id, TextDto Title, TextDto Track, DateOnly? DueOn, ActionItemStatus Status, Visibility Visibility);

public sealed record OpenObstacle(Guid Id, TextDto Title, ObstacleStatus Status, TextDto? Track, Visibility Visibility);

public sealed record NextSession(Guid Id, int Number, DateDto? StartsOn, PlaceKind PlaceKind, TextDto? PlaceName, SessionStatus Status);

/// <summary>
/// The co-chairs' one-page view of a joint body, within what the reader may see; with
/// <paramref name="AsOf"/>, as the body stood at the end of that day: its name then, agreements in
/// the state their histories give them then, figures of periods ended and reported by then,
/// obstacles raised and not yet resolved then, the next session after it. Action items keep no
/// history of their statuses, so an as-of view has none of them (<paramref name="ItemsShown"/> false).
/// </summary>
public sealed record DashboardResponse(
    Guid JointBodyId,
    TextDto Name,
    DateOnly Today,
    IReadOnlyList<TrackProgress> Tracks,
    IReadOnlyList<PipelineStage> Pipeline,
    IReadOnlyList<IndicatorSeries> Indicators,
    IReadOnlyList<OpenObstacle> Obstacles,
    IReadOnlyList<DueItem> Overdue,
    int OverdueCount,
    IReadOnlyList<DueItem> Upcoming,
    NextSession? NextSession,
    DateOnly? AsOf = null,
    bool ItemsShown = true);

/// <summary>Builds a joint body's dashboard; every query goes through the reader's visibility filters.</summary>
public sealed class DashboardHandler(AppDbContext db, TimeProvider clock, ReadModelCache? cache = null)
{
    /// <summary>How far ahead "upcoming" looks.</summary>
    public const int UpcomingDays = 90;

    private static readonly ActionItemStatus[] Open = [ActionItemStatus.NotStarted, ActionItemStatus.InProgress, ActionItemStatus.Blocked];

    /// <summary>Reads <c>asOf</c> as a query gives it: a whole date (yyyy-mm-dd, Arabic-Indic digits read), else a 400 naming it.</summary>
    public static DateOnly? ReadAsOf(string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf))
        {
            return null;
        }

        var checks = new Checks();
        var day = RecordForm.ParseDate(asOf, "asOf", checks);
        checks.ThrowIfAny();
        return day;
    }

    public async Task<DashboardResponse> GetAsync(Guid bodyId, CancellationToken ct) => await GetAsync(bodyId, null, ct);

    /// <summary>The dashboard, read once per reader's party while nothing is saved (<see cref="ReadModelCache"/>).</summary>
    public Task<DashboardResponse> GetAsync(Guid bodyId, DateOnly? asOf, CancellationToken ct) =>
        cache is null ? BuildAsync(bodyId, asOf, ct) : cache.GetOrReadAsync((bodyId, asOf), () => BuildAsync(bodyId, asOf, ct));

    private async Task<DashboardResponse> BuildAsync(Guid bodyId, DateOnly? asOf, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (asOf is { } then && then < today)
        {
            return await AsOfAsync(bodyId, then, today, ct);
        }

        var body = await db.JointBodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => new { b.Id, Name = new TextDto(b.Name.Ar, b.Name.En) }).FirstOrDefaultAsync(ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("joint body", bodyId));

        var tracks = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == bodyId && t.ParentTrackId == null)
            .OrderBy(t => t.Area).ThenBy(t => t.Name.En)
            .Select(t => new { t.Id, Name = new TextDto(t.Name.Ar, t.Name.En) }).ToListAsync(ct);
        var counts = await db.ActionItems.AsNoTracking().Where(i => i.JointBodyId == bodyId)
            .GroupBy(i => new { i.TrackId, i.Status }).Select(g => new { g.Key.TrackId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var subTracks = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == bodyId && t.ParentTrackId != null)
            .Select(t => new { t.Id, Parent = t.ParentTrackId!.Value }).ToDictionaryAsync(t => t.Id, t => t.Parent, ct);
        var progress = tracks.Select(t => new TrackProgress(
            t.Id,
            t.Name,
            counts.Where(c => c.TrackId == t.Id || subTracks.GetValueOrDefault(c.TrackId) == t.Id)
                .GroupBy(c => c.Status).ToDictionary(g => g.Key, g => g.Sum(c => c.Count)))).ToList();

        var stages = await db.Agreements.AsNoTracking().Where(a => a.JointBodyId == bodyId)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var pipeline = Enum.GetValues<AgreementStatus>()
            .Select(s => new PipelineStage(s, stages.FirstOrDefault(x => x.Key == s)?.Count ?? 0)).ToList();

        var indicators = await db.Indicators.AsNoTracking().Where(i => i.JointBodyId == bodyId)
            .OrderBy(i => i.Name.En)
            .Select(i => new IndicatorSeries(i.Id, new TextDto(i.Name.Ar, i.Name.En), i.Unit, i.IsCurrency, i.Visibility,
                i.Values.Where(v => v.PeriodStart != null && v.PeriodEnd != null && v.PartyId == null).OrderBy(v => v.PeriodEnd).Select(v => new IndicatorPoint(v.PeriodStart!.Value, v.PeriodEnd!.Value, v.Value)).ToList()))
            .AsSplitQuery().ToListAsync(ct);

        var obstacles = await db.Obstacles.AsNoTracking().Where(o => o.JointBodyId == bodyId && o.Status != ObstacleStatus.Resolved)
            .OrderBy(o => o.Title.En)
            .Select(o => new OpenObstacle(o.Id, new TextDto(o.Title.Ar, o.Title.En), o.Status,
                db.Tracks.Where(t => t.Id == o.TrackId).Select(t => new TextDto(t.Name.Ar, t.Name.En)).FirstOrDefault(), o.Visibility))
            .ToListAsync(ct);

        var openItems = db.ActionItems.AsNoTracking().Where(i => i.JointBodyId == bodyId && Open.Contains(i.Status) && i.DueOn != null);
        var overdue = await DueAsync(openItems.Where(i => i.DueOn < today), ct);
        var overdueCount = await openItems.CountAsync(i => i.DueOn < today, ct);
        var horizon = today.AddDays(UpcomingDays);
        var upcoming = await DueAsync(openItems.Where(i => i.DueOn >= today && i.DueOn <= horizon), ct);

        var next = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == bodyId && s.Status != SessionStatus.Concluded)
            .OrderBy(s => s.Number)
            .Select(s => new NextSession(s.Id, s.Number, DateDto.Of(s.StartsOn), s.PlaceKind, s.PlaceName == null ? null : new TextDto(s.PlaceName.Ar, s.PlaceName.En), s.Status))
            .FirstOrDefaultAsync(ct);

        return new DashboardResponse(body.Id, body.Name, today, progress, pipeline, indicators, obstacles, overdue, overdueCount, upcoming, next);
    }

    /// <summary>The dashboard as the body stood at the end of <paramref name="asOf"/>, a day before today.</summary>
    private async Task<DashboardResponse> AsOfAsync(Guid bodyId, DateOnly asOf, DateOnly today, CancellationToken ct)
    {
        var body = await db.JointBodies.AsNoTracking().Include(b => b.FormerNames).FirstOrDefaultAsync(b => b.Id == bodyId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("joint body", bodyId));
        // The name it bore then: the first former name still in use after that day.
        var name = body.FormerNames.Where(n => n.Until?.LastDay is { } until && until > asOf).OrderBy(n => n.Until!.LastDay).Select(n => n.Name).FirstOrDefault() ?? body.Name;

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == bodyId).OrderBy(s => s.Number).ToListAsync(ct);
        // A session stands at its stated end (else start, else its year's end); one of unknown time at none.
        DateOnly? EndOf(Session s) => Latest(s.EndsOn ?? s.StartsOn) ?? (s.Year is { } y ? new DateOnly(y, 12, 31) : null);
        var sessionEnds = sessions.ToDictionary(s => s.Id, EndOf);

        // An agreement's steps are walked in order up to the first not known to be done by then: a step
        // counts when its whole date (the last day of a year or month alone) or its session's end is by then;
        // a step of unknown time counts only after one that counted, or, first, from the day the agreement was recorded.
        var agreements = await db.Agreements.AsNoTracking().Include(a => a.Events).Where(a => a.JointBodyId == bodyId).ToListAsync(ct);
        AgreementStatus? StateThen(Agreement a)
        {
            AgreementStatus? state = null;
            foreach (var e in a.History())
            {
                var done = e.On is { } on && Latest(on) is { } day ? day <= asOf
                    : e.SessionId is { } at && sessionEnds.GetValueOrDefault(at) is { } end ? end <= asOf
                    : state is not null || DateOnly.FromDateTime(a.CreatedAt) <= asOf;
                if (!done)
                {
                    break;
                }

                state = e.Status;
            }

            return state;
        }

        var states = agreements.Select(StateThen).OfType<AgreementStatus>().ToList();
        var pipeline = Enum.GetValues<AgreementStatus>().Select(s => new PipelineStage(s, states.Count(x => x == s))).ToList();

        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.JointBodyId == bodyId).OrderBy(i => i.Name.En).AsSplitQuery().ToListAsync(ct))
            .Select(i => new IndicatorSeries(i.Id, new TextDto(i.Name.Ar, i.Name.En), i.Unit, i.IsCurrency, i.Visibility,
                [.. i.Values.Where(v => v.PeriodStart is not null && v.PeriodEnd is { } end && end <= asOf && (v.ReportedOn ?? end) <= asOf && v.PartyId is null)
                    .OrderBy(v => v.PeriodEnd).Select(v => new IndicatorPoint(v.PeriodStart!.Value, v.PeriodEnd!.Value, v.Value))]))
            .ToList();

        var obstacles = (await db.Obstacles.AsNoTracking().Where(o => o.JointBodyId == bodyId).OrderBy(o => o.Title.En)
                .Select(o => new { o.Id, o.Title, o.Status, o.RaisedOn, o.ResolvedOn, o.CreatedAt, o.Visibility, Track = db.Tracks.Where(t => t.Id == o.TrackId).Select(t => new TextDto(t.Name.Ar, t.Name.En)).FirstOrDefault() })
                .ToListAsync(ct))
            .Where(o => (o.RaisedOn ?? DateOnly.FromDateTime(o.CreatedAt)) <= asOf && (o.ResolvedOn is not { } resolved || resolved > asOf) && (o.Status != ObstacleStatus.Resolved || o.ResolvedOn is not null))
            // Resolved since: it was open then, as far as the record tells.
            // Obstacles keep no history of their statuses: each open then is shown as open.
            .Select(o => new OpenObstacle(o.Id, new TextDto(o.Title.Ar, o.Title.En), ObstacleStatus.Open, o.Track, o.Visibility))
            .ToList();

        // The next session then: the first after the last known to have ended by that day that had not ended itself.
        var lastEnded = sessions.Where(s => sessionEnds[s.Id] is { } end && end <= asOf).Select(s => (int?)s.Number).Max() ?? 0;
        var next = sessions.Where(s => s.Number > lastEnded && (sessionEnds[s.Id] is not { } end || end > asOf)).Select(s => new NextSession(s.Id, s.Number, DateDto.Of(s.StartsOn), s.PlaceKind,
            s.PlaceName == null ? null : new TextDto(s.PlaceName.Ar, s.PlaceName.En),
            Latest(s.StartsOn) is { } start && start <= asOf ? SessionStatus.Open : SessionStatus.Planned)).FirstOrDefault();

        return new DashboardResponse(body.Id, new TextDto(name.Ar, name.En), today, [], pipeline, indicators, obstacles, [], 0, [], next, asOf, ItemsShown: false);
    }

    private static DateOnly? Earliest(PartialDate? d) => d?.FirstDay;

    private static DateOnly? Latest(PartialDate? d) => d?.LastDay;

    private Task<List<DueItem>> DueAsync(IQueryable<ActionItem> items, CancellationToken ct) =>
        items.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(20)
            .Select(i => new DueItem(i.Id, new TextDto(i.Title.Ar, i.Title.En),
                db.Tracks.Where(t => t.Id == i.TrackId).Select(t => new TextDto(t.Name.Ar, t.Name.En)).First(),
                i.DueOn, i.Status, i.Visibility))
            .ToListAsync(ct);
}
