using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Tracks;

public sealed record TrackRequest(Guid? JointBodyId, Guid? ParentTrackId, string? Area, TextDto? Name, TextDto? Description, Guid[]? LeadInstitutionIds);

public sealed record TrackLeadResponse(Guid PartyId, Guid InstitutionId, TextDto Institution);

public sealed record TrackResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? ParentTrackId,
    TrackArea Area,
    TextDto Name,
    TextDto? Description,
    IReadOnlyList<TrackLeadResponse> Leads) : IVersioned;

/// <summary>Tracks (cooperation areas) of joint bodies, their sub-topics and lead institutions.</summary>
public sealed class TracksHandler(AppDbContext db) : RecordHandler<Track, TrackRequest, TrackResponse>(db, "track")
{
    protected override Expression<Func<Track, TrackResponse>> Projection => t => new TrackResponse(
        t.Id,
        t.Version,
        t.JointBodyId,
        t.ParentTrackId,
        t.Area,
        new TextDto(t.Name.Ar, t.Name.En),
        t.Description == null ? null : new TextDto(t.Description.Ar, t.Description.En),
        t.Leads.OrderBy(l => l.PartyId).Select(l => new TrackLeadResponse(
            l.PartyId,
            l.InstitutionId,
            Db.Institutions.Where(i => i.Id == l.InstitutionId).Select(i => new TextDto(i.Name.Ar, i.Name.En)).First())).ToList());


    protected override IQueryable<Track> ForUpdate => Db.Tracks.Include(t => t.Leads);

    public Task<PageOf<TrackResponse>> ListAsync(Guid? jointBodyId, Guid? parentTrackId, string? area, Paging paging, CancellationToken ct)
    {
        var query = Db.Tracks.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, t => t.JointBodyId == jointBodyId);
        query = query.WhereIf(parentTrackId is not null, t => t.ParentTrackId == parentTrackId);

        if (Filters.Enum<TrackArea>(area, "area") is { } a)
        {
            query = query.Where(t => t.Area == a);
        }

        return PageAsync(query.OrderBy(t => t.JointBodyId).ThenBy(t => t.Area).ThenBy(t => t.Name.En).ThenBy(t => t.Id), paging, ct);
    }

    protected override Track New() => new Track { Name = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Track track, TrackRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : track.JointBodyId, "A track", ct);
        await refs.InBodyAsync<Track>(request.ParentTrackId, bodyId, t => t.JointBodyId == bodyId, "parentTrackId", ct);
        if (request.ParentTrackId is not null && await IsUnderAsync(request.ParentTrackId.Value, track.Id, ct))
        {
            checks.Add(new RuleError(RuleCodes.Cycle, "parentTrackId", "A track cannot be a sub-topic of itself or of one of its own sub-topics."));
        }

        var institutionIds = checks.Ids(request.LeadInstitutionIds, "leadInstitutionIds");
        var institutionParties = await refs.InstitutionPartiesAsync(institutionIds, "leadInstitutionIds", ct);
        foreach (var (institution, party) in institutionParties)
        {
            refs.Member(parties, party, $"leadInstitutionIds[{institutionIds.IndexOf(institution)}]");
        }

        var candidate = new Track
        {
            Area = checks.RequiredEnum<TrackArea>(request.Area, "area"),
            Name = checks.Text(request.Name, "name"),
            Description = checks.OptionalText(request.Description, "description"),
        };
        checks.ThrowIfAny();

        track.JointBodyId = bodyId;
        track.ParentTrackId = request.ParentTrackId;
        track.Area = candidate.Area;
        track.Name = candidate.Name;
        track.Description = candidate.Description;
        track.Leads.SyncWith(institutionParties.Select(p => new TrackLead { TrackId = track.Id, InstitutionId = p.Key, PartyId = p.Value }), l => l.InstitutionId);
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="trackId"/> or lies under it.</summary>
    private async Task<bool> IsUnderAsync(Guid candidate, Guid trackId, CancellationToken ct)
    {
        var seen = new HashSet<Guid>();
        for (Guid? current = candidate; current is not null && seen.Add(current.Value);)
        {
            if (current == trackId)
            {
                return true;
            }

            current = await Db.Tracks.Where(t => t.Id == current).Select(t => t.ParentTrackId).FirstOrDefaultAsync(ct);
        }

        return false;
    }
}

public static class TracksApi
{
    public static void MapTracksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/tracks", "Tracks");
        group.MapGet("/", (Guid? jointBodyId, Guid? parentTrackId, string? area, string? q, int? page, int? pageSize, string? sort, TracksHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, parentTrackId, area, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<TracksHandler, Track, TrackRequest, TrackResponse>();
    }
}
