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

/// <summary>The co-chairs' one-page view of a joint body, within what the reader may see.</summary>
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
    NextSession? NextSession);

/// <summary>Builds a joint body's dashboard; every query goes through the reader's visibility filters.</summary>
public sealed class DashboardHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>How far ahead "upcoming" looks.</summary>
    public const int UpcomingDays = 90;

    private static readonly ActionItemStatus[] Open = [ActionItemStatus.NotStarted, ActionItemStatus.InProgress, ActionItemStatus.Blocked];

    public async Task<DashboardResponse> GetAsync(Guid bodyId, CancellationToken ct)
    {
        var body = await db.JointBodies.AsNoTracking().Where(b => b.Id == bodyId).Select(b => new { b.Id, Name = new TextDto(b.Name.Ar, b.Name.En) }).FirstOrDefaultAsync(ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("joint body", bodyId));
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

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

    private Task<List<DueItem>> DueAsync(IQueryable<ActionItem> items, CancellationToken ct) =>
        items.OrderBy(i => i.DueOn).ThenBy(i => i.Id).Take(20)
            .Select(i => new DueItem(i.Id, new TextDto(i.Title.Ar, i.Title.En),
                db.Tracks.Where(t => t.Id == i.TrackId).Select(t => new TextDto(t.Name.Ar, t.Name.En)).First(),
                i.DueOn, i.Status, i.Visibility))
            .ToListAsync(ct);
}
