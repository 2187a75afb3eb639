using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Engagements;

public sealed record EngagementRequest(
    Guid? JointBodyId,
    Guid? TrackId,
    Guid? SessionId,
    string? Kind,
    string? Format,
    string? Status,
    TextDto? Title,
    TextDto? Description,
    DateDto? StartsOn,
    DateDto? EndsOn,
    Guid[]? OrganiserInstitutionIds,
    string? Visibility,
    Guid? OwnerPartyId,
    TextDto? Place = null,
    TextDto? KindLabel = null);

public sealed record EngagementResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? TrackId,
    Guid? SessionId,
    EngagementKind Kind,
    EngagementFormat? Format,
    EngagementStatus Status,
    TextDto Title,
    TextDto? Description,
    DateDto? StartsOn,
    DateDto? EndsOn,
    IReadOnlyList<Guid> OrganiserInstitutionIds,
    Visibility Visibility,
    Guid? OwnerPartyId,
    TextDto? Place,
    TextDto? KindLabel) : IVersioned;

/// <summary>Engagements: workshops (also virtual), visits, trainings and scholarship programmes.</summary>
public sealed class EngagementsHandler(AppDbContext db) : RecordHandler<Engagement, EngagementRequest, EngagementResponse>(db, "engagement")
{
    private static readonly Expression<Func<Engagement, EngagementResponse>> AsResponse = e => new EngagementResponse(
        e.Id,
        e.Version,
        e.JointBodyId,
        e.TrackId,
        e.SessionId,
        e.Kind,
        e.Format,
        e.Status,
        new TextDto(e.Title.Ar, e.Title.En),
        e.Description == null ? null : new TextDto(e.Description.Ar, e.Description.En),
        DateDto.Of(e.StartsOn),
        DateDto.Of(e.EndsOn),
        e.Organisers.OrderBy(o => o.InstitutionId).Select(o => o.InstitutionId).ToList(),
        e.Visibility,
        e.OwnerPartyId,
        e.Place == null ? null : new TextDto(e.Place.Ar, e.Place.En),
        e.KindLabel == null ? null : new TextDto(e.KindLabel.Ar, e.KindLabel.En));

    protected override Expression<Func<Engagement, EngagementResponse>> Projection => AsResponse;

    protected override IQueryable<Engagement> ForUpdate => Db.Engagements.Include(e => e.Organisers);

    public Task<PageOf<EngagementResponse>> ListAsync(Guid? jointBodyId, Guid? trackId, Guid? sessionId, string? kind, string? format, string? status, Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Engagements.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, e => e.JointBodyId == jointBodyId);
        query = query.WhereIf(trackId is not null, e => e.TrackId == trackId);
        query = query.WhereIf(sessionId is not null, e => e.SessionId == sessionId);

        if (Filters.Enum<EngagementKind>(kind, "kind") is { } k)
        {
            query = query.Where(e => e.Kind == k);
        }

        if (Filters.Enum<EngagementFormat>(format, "format") is { } f)
        {
            query = query.Where(e => e.Format == f);
        }

        if (Filters.Enum<EngagementStatus>(status, "status") is { } st)
        {
            query = query.Where(e => e.Status == st);
        }

        query = query.WhereIf(partyId is not null, e => e.Organisers.Any(o => Db.Institutions.Any(i => i.Id == o.InstitutionId && i.PartyId == partyId)));

        return PageAsync(query.OrderBy(e => e.StartsOn).ThenBy(e => e.Id), paging, ct);
    }

    protected override Engagement New() => new Engagement { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Engagement engagement, EngagementRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : engagement.JointBodyId, "An engagement", ct);
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        await refs.InBodyAsync<Session>(request.SessionId, bodyId, s => s.JointBodyId == bodyId, "sessionId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : engagement);
        var institutionIds = checks.Ids(request.OrganiserInstitutionIds, "organiserInstitutionIds");
        await refs.InstitutionPartiesAsync(institutionIds, "organiserInstitutionIds", ct);

        engagement.Kind = checks.RequiredEnum<EngagementKind>(request.Kind, "kind");
        engagement.KindLabel = checks.OptionalText(request.KindLabel, "kindLabel", 200);
        if (request.Kind is not null)
        {
            checks.AddRange(OpenKinds.Check(engagement.Kind == EngagementKind.Other, engagement.KindLabel));
        }

        engagement.Format = checks.Enum<EngagementFormat>(request.Format, "format");
        engagement.Status = checks.Enum<EngagementStatus>(request.Status, "status") ?? engagement.Status;
        engagement.Title = checks.Text(request.Title, "title");
        engagement.Description = checks.OptionalText(request.Description, "description");
        engagement.Place = checks.OptionalText(request.Place, "place", BilingualText.MaxTitleLength);
        engagement.StartsOn = checks.Date(request.StartsOn, "startsOn");
        engagement.EndsOn = checks.Date(request.EndsOn, "endsOn");
        checks.AddRange(engagement.Check().Where(e => e.Code == RuleCodes.EndBeforeStart));
        checks.ThrowIfAny();

        engagement.JointBodyId = bodyId;
        engagement.TrackId = request.TrackId;
        engagement.SessionId = request.SessionId;
        engagement.SetVisibility(visibility, owner);
        engagement.Organisers.SyncWith(institutionIds.Select(i => new EngagementOrganiser { EngagementId = engagement.Id, InstitutionId = i }), o => o.InstitutionId);
    }
}

public static class EngagementsApi
{
    public static void MapEngagementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/engagements", "Engagements");
        group.MapGet("/", (Guid? jointBodyId, Guid? trackId, Guid? sessionId, string? kind, string? format, string? status, Guid? partyId, string? q, int? page, int? pageSize, string? sort, EngagementsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, trackId, sessionId, kind, format, status, partyId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<EngagementsHandler, Engagement, EngagementRequest, EngagementResponse>();
    }
}
