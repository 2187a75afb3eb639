using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.SessionPoints;

/// <param name="Kind">What the session did: discussed, reviewed, agreed, decided, affirmed, welcomed, noted, praised or looked-forward.</param>
/// <param name="SaidByPartyId">The side that said it; leave it out when both sides did.</param>
/// <param name="Text">The point as a phrase following the verb («تفعيل كافة الاتفاقيات…», "activating all the agreements…").</param>
/// <param name="AgendaItemId">The agenda item whose minutes record the point (of the same session).</param>
public sealed record SessionPointRequest(
    Guid? JointBodyId,
    Guid? SessionId,
    Guid? TrackId,
    Guid? AgendaItemId,
    string? Kind,
    Guid? SaidByPartyId,
    TextDto? Text,
    int? Position,
    Guid[]? ActionItemIds,
    Guid[]? ObstacleIds,
    Guid[]? AgreementIds,
    string? Visibility,
    Guid? OwnerPartyId);

public sealed record SessionPointResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid SessionId,
    Guid? TrackId,
    Guid? AgendaItemId,
    PointKind Kind,
    Guid? SaidByPartyId,
    TextDto Text,
    int Position,
    IReadOnlyList<Guid> ActionItemIds,
    IReadOnlyList<Guid> ObstacleIds,
    IReadOnlyList<Guid> AgreementIds,
    Visibility Visibility,
    Guid? OwnerPartyId) : IVersioned;

/// <summary>What each session itself said and did, per track, with who said it and the records it concerns.</summary>
public sealed class SessionPointsHandler(AppDbContext db, TimeProvider clock) : RecordHandler<SessionPoint, SessionPointRequest, SessionPointResponse>(db, "session point")
{
    private static readonly Expression<Func<SessionPoint, SessionPointResponse>> AsResponse = p => new SessionPointResponse(
        p.Id,
        p.Version,
        p.JointBodyId,
        p.SessionId,
        p.TrackId,
        p.AgendaItemId,
        p.Kind,
        p.SaidByPartyId,
        new TextDto(p.Text.Ar, p.Text.En),
        p.Position,
        p.Links.Where(l => l.RecordType == RecordType.ActionItem).OrderBy(l => l.RecordId).Select(l => l.RecordId).ToList(),
        p.Links.Where(l => l.RecordType == RecordType.Obstacle).OrderBy(l => l.RecordId).Select(l => l.RecordId).ToList(),
        p.Links.Where(l => l.RecordType == RecordType.Agreement).OrderBy(l => l.RecordId).Select(l => l.RecordId).ToList(),
        p.Visibility,
        p.OwnerPartyId);

    protected override Expression<Func<SessionPoint, SessionPointResponse>> Projection => AsResponse;

    protected override IQueryable<SessionPoint> ForUpdate => Db.SessionPoints.Include(p => p.Links);

    public Task<PageOf<SessionPointResponse>> ListAsync(Guid? jointBodyId, Guid? sessionId, Guid? trackId, string? kind, Guid? saidByPartyId, Guid? agreementId, Guid? actionItemId, Guid? obstacleId, Paging paging, CancellationToken ct)
    {
        var query = Db.SessionPoints.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, p => p.JointBodyId == jointBodyId);
        query = query.WhereIf(sessionId is not null, p => p.SessionId == sessionId);
        query = query.WhereIf(trackId is not null, p => p.TrackId == trackId);
        if (Filters.Enum<PointKind>(kind, "kind") is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        query = query.WhereIf(saidByPartyId is not null, p => p.SaidByPartyId == saidByPartyId);
        query = query.WhereIf(agreementId is not null, p => p.Links.Any(l => l.RecordType == RecordType.Agreement && l.RecordId == agreementId));
        query = query.WhereIf(actionItemId is not null, p => p.Links.Any(l => l.RecordType == RecordType.ActionItem && l.RecordId == actionItemId));
        query = query.WhereIf(obstacleId is not null, p => p.Links.Any(l => l.RecordType == RecordType.Obstacle && l.RecordId == obstacleId));
        return PageAsync(query.OrderBy(p => p.SessionId).ThenBy(p => p.TrackId).ThenBy(p => p.Position).ThenBy(p => p.Id), paging, ct);
    }

    protected override SessionPoint New() => new() { Text = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(SessionPoint point, SessionPointRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : point.JointBodyId, "A session point", ct);
        var (sessionId, session) = await SessionGuard.ReadAsync(Db, checks, request.SessionId, isNew ? null : point.SessionId, "A session point", ct);
        if (session is not null && session.JointBodyId != bodyId)
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "sessionId", "'sessionId' belongs to another joint body.", sessionId, bodyId));
        }

        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        await refs.InBodyAsync<AgendaItem>(request.AgendaItemId, bodyId, a => a.SessionId == sessionId, "agendaItemId", ct);
        refs.Member(parties, request.SaidByPartyId, "saidByPartyId");
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : point);
        var kind = checks.RequiredEnum<PointKind>(request.Kind, "kind");
        var text = checks.Text(request.Text, "text", BilingualText.MaxProseLength);
        var itemIds = checks.Ids(request.ActionItemIds, "actionItemIds");
        var obstacleIds = checks.Ids(request.ObstacleIds, "obstacleIds");
        var agreementIds = checks.Ids(request.AgreementIds, "agreementIds");
        await refs.AllInBodyAsync<ActionItem>(itemIds, i => i.JointBodyId == bodyId, "actionItemIds", ct);
        await refs.AllInBodyAsync<Obstacle>(obstacleIds, o => o.JointBodyId == bodyId, "obstacleIds", ct);
        await refs.AllInBodyAsync<Agreement>(agreementIds, a => a.JointBodyId == bodyId, "agreementIds", ct);
        // Counted among the points every reader of this one sees: a joint point's place never betrays national ones.
        var position = request.Position ?? (isNew
            ? await Db.SessionPoints.CountAsync(p => p.SessionId == sessionId && p.TrackId == request.TrackId && (p.Visibility == Visibility.Joint || visibility == Visibility.National), ct)
            : point.Position);
        checks.ThrowIfAny();

        var agendaChanged = isNew || point.AgendaItemId != request.AgendaItemId;
        point.JointBodyId = bodyId;
        point.SessionId = sessionId;
        point.TrackId = request.TrackId;
        point.AgendaItemId = request.AgendaItemId;
        point.Kind = kind;
        point.SaidByPartyId = request.SaidByPartyId;
        point.Text = text;
        point.Position = position;
        point.SetVisibility(visibility, owner);
        point.Links.SyncWith(
            itemIds.Select(id => (RecordType.ActionItem, id)).Concat(obstacleIds.Select(id => (RecordType.Obstacle, id))).Concat(agreementIds.Select(id => (RecordType.Agreement, id)))
                .Select(l => new SessionPointLink { SessionPointId = point.Id, RecordType = l.Item1, RecordId = l.id }),
            l => (l.RecordType, l.RecordId));
        checks.AddRange(point.Check());
        checks.ThrowIfAny();

        // A point taken from the minutes is one of their outcomes, as the items and obstacles they create are.
        if (agendaChanged && request.AgendaItemId is { } agendaItemId)
        {
            var item = await Db.AgendaItems.Include(a => a.Outcomes).FirstAsync(a => a.Id == agendaItemId, ct);
            if (point.Visibility == Visibility.National && item.Visibility == Visibility.Joint)
            {
                // One party's own reading of joint minutes: the minutes do not list it (the other party could not see it).
                return;
            }

            checks.Try(() => item.AddOutcome(RecordType.SessionPoint, point.Id, isNew ? OutcomeAction.Created : OutcomeAction.Updated, clock.GetUtcNow().UtcDateTime));
            checks.ThrowIfAny();
        }
    }
}

public static class SessionPointsApi
{
    public static void MapSessionPointsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/session-points", "Session points");
        group.MapGet("/", (Guid? jointBodyId, Guid? sessionId, Guid? trackId, string? kind, Guid? saidByPartyId, Guid? agreementId, Guid? actionItemId, Guid? obstacleId, string? q, int? page, int? pageSize, string? sort, SessionPointsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, sessionId, trackId, kind, saidByPartyId, agreementId, actionItemId, obstacleId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<SessionPointsHandler, SessionPoint, SessionPointRequest, SessionPointResponse>();
    }
}
