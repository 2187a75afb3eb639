using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Obstacles;

public sealed record ObstacleRequest(
    Guid? JointBodyId,
    Guid? TrackId,
    Guid? ActionItemId,
    Guid? AgreementId,
    TextDto? Title,
    TextDto? Description,
    string? Status,
    TextDto? Resolution,
    Guid? RaisedByPartyId,
    DateOnly? RaisedOn,
    string? Visibility,
    Guid? OwnerPartyId,
    DateOnly? ResolvedOn = null);

public sealed record ObstacleResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? TrackId,
    Guid? ActionItemId,
    Guid? AgreementId,
    TextDto Title,
    TextDto? Description,
    ObstacleStatus Status,
    TextDto? Resolution,
    Guid? RaisedByPartyId,
    DateOnly? RaisedOn,
    Visibility Visibility,
    Guid? OwnerPartyId,
    DateOnly? ResolvedOn) : IVersioned;

/// <summary>Obstacles raised against tracks, items and agreements, and their removal.</summary>
public sealed class ObstaclesHandler(AppDbContext db, TimeProvider clock) : RecordHandler<Obstacle, ObstacleRequest, ObstacleResponse>(db, "obstacle")
{
    private static readonly Expression<Func<Obstacle, ObstacleResponse>> AsResponse = o => new ObstacleResponse(
        o.Id,
        o.Version,
        o.JointBodyId,
        o.TrackId,
        o.ActionItemId,
        o.AgreementId,
        new TextDto(o.Title.Ar, o.Title.En),
        o.Description == null ? null : new TextDto(o.Description.Ar, o.Description.En),
        o.Status,
        o.Resolution == null ? null : new TextDto(o.Resolution.Ar, o.Resolution.En),
        o.RaisedByPartyId,
        o.RaisedOn,
        o.Visibility,
        o.OwnerPartyId,
        o.ResolvedOn);

    protected override Expression<Func<Obstacle, ObstacleResponse>> Projection => AsResponse;

    public Task<PageOf<ObstacleResponse>> ListAsync(Guid? jointBodyId, Guid? trackId, Guid? actionItemId, Guid? agreementId, string? status, Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Obstacles.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, o => o.JointBodyId == jointBodyId);
        query = query.WhereIf(trackId is not null, o => o.TrackId == trackId);
        query = query.WhereIf(actionItemId is not null, o => o.ActionItemId == actionItemId);
        query = query.WhereIf(agreementId is not null, o => o.AgreementId == agreementId);

        if (Filters.Enum<ObstacleStatus>(status, "status") is { } st)
        {
            query = query.Where(o => o.Status == st);
        }

        query = query.WhereIf(partyId is not null, o => o.RaisedByPartyId == partyId);

        return PageAsync(query.OrderBy(o => o.Status).ThenByDescending(o => o.RaisedOn).ThenBy(o => o.Id), paging, ct);
    }

    protected override Obstacle New() => new Obstacle { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Obstacle obstacle, ObstacleRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : obstacle.JointBodyId, "An obstacle", ct);
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        await refs.InBodyAsync<ActionItem>(request.ActionItemId, bodyId, i => i.JointBodyId == bodyId, "actionItemId", ct);
        await refs.InBodyAsync<Agreement>(request.AgreementId, bodyId, a => a.JointBodyId == bodyId, "agreementId", ct);
        if (request.TrackId is { } trackId && request.ActionItemId is { } itemId && checks.Ok
            && !await Db.ActionItems.AnyAsync(i => i.Id == itemId && (i.TrackId == trackId || Db.Tracks.Any(t => t.Id == i.TrackId && t.ParentTrackId == trackId)), ct))
        {
            // An obstacle raised against an item is in the item's track (or the track above it): whoever answers for the item answers for it.
            checks.Add(new RuleError(RuleCodes.TrackMismatch, "trackId", "'trackId' is not the track of the action item the obstacle is raised against.", trackId));
        }

        refs.Member(parties, request.RaisedByPartyId, "raisedByPartyId");
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : obstacle);
        var title = checks.Text(request.Title, "title");
        var description = checks.OptionalText(request.Description, "description");
        var resolution = checks.OptionalText(request.Resolution, "resolution");
        var status = checks.Enum<ObstacleStatus>(request.Status, "status") ?? obstacle.Status;
        checks.ThrowIfAny();

        obstacle.JointBodyId = bodyId;
        obstacle.TrackId = request.TrackId;
        obstacle.ActionItemId = request.ActionItemId;
        obstacle.AgreementId = request.AgreementId;
        obstacle.SetVisibility(visibility, owner);
        obstacle.Title = title;
        obstacle.Description = description;
        obstacle.Resolution = resolution;
        obstacle.RaisedByPartyId = request.RaisedByPartyId;
        obstacle.RaisedOn = request.RaisedOn;
        checks.Try(() => obstacle.ChangeStatus(status));
        obstacle.ResolvedOn = obstacle.Status == ObstacleStatus.Resolved
            ? request.ResolvedOn ?? obstacle.ResolvedOn ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)
            : null;
        checks.AddRange(obstacle.Check());
        checks.ThrowIfAny();
    }
}

public static class ObstaclesApi
{
    public static void MapObstaclesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/obstacles", "Obstacles");
        group.MapGet("/", (Guid? jointBodyId, Guid? trackId, Guid? actionItemId, Guid? agreementId, string? status, Guid? partyId, string? q, int? page, int? pageSize, string? sort, ObstaclesHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, trackId, actionItemId, agreementId, status, partyId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<ObstaclesHandler, Obstacle, ObstacleRequest, ObstacleResponse>();
    }
}
