using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

public sealed record SessionRequest(
    Guid? JointBodyId,
    int? Number,
    int? Year,
    DateDto? StartsOn,
    DateDto? EndsOn,
    string? PlaceKind,
    TextDto? PlaceName,
    string? Status,
    string? ReopenReason,
    PersonRoleRequest?[]? CoChairs,
    string? NextPlaceKind = null,
    TextDto? NextPlaceName = null,
    DateDto? NextStartsOn = null,
    Guid? HostPartyId = null,
    TextDto? Theme = null,
    bool? YearInferred = null);

public sealed record SessionResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    int Number,
    int? Year,
    DateDto? StartsOn,
    DateDto? EndsOn,
    PlaceKind PlaceKind,
    TextDto? PlaceName,
    SessionStatus Status,
    string? ReopenReason,
    IReadOnlyList<PersonRoleResponse> CoChairs,
    PlaceKind? NextPlaceKind,
    TextDto? NextPlaceName,
    DateDto? NextStartsOn,
    Guid? HostPartyId,
    TextDto? Theme,
    bool YearInferred) : IVersioned;

/// <summary>Sessions of joint bodies: number, period, place, status and co-chairs.</summary>
public sealed class SessionsHandler(AppDbContext db) : RecordHandler<Session, SessionRequest, SessionResponse>(db, "session")
{
    private static readonly Expression<Func<Session, SessionResponse>> AsResponse = s => new SessionResponse(
        s.Id,
        s.Version,
        s.JointBodyId,
        s.Number,
        s.Year,
        DateDto.Of(s.StartsOn),
        DateDto.Of(s.EndsOn),
        s.PlaceKind,
        s.PlaceName == null ? null : new TextDto(s.PlaceName.Ar, s.PlaceName.En),
        s.Status,
        s.ReopenReason,
        s.CoChairs.OrderBy(c => c.PartyId).Select(c => new PersonRoleResponse(
            c.PersonId,
            c.PartyId,
            new TextDto(
                c.Person!.Names.Where(n => n.Language == "ar" && n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                c.Person!.Names.Where(n => n.Language == "en" && n.IsPreferred).Select(n => n.Text).FirstOrDefault()),
            new TextDto(c.Title.Ar, c.Title.En),
            "co-chair",
            null)).ToList(),
        s.NextPlaceKind,
        s.NextPlaceName == null ? null : new TextDto(s.NextPlaceName.Ar, s.NextPlaceName.En),
        DateDto.Of(s.NextStartsOn),
        s.HostPartyId,
        s.Theme == null ? null : new TextDto(s.Theme.Ar, s.Theme.En),
        s.YearInferred);

    protected override Expression<Func<Session, SessionResponse>> Projection => AsResponse;

    protected override IQueryable<Session> ForUpdate => Db.Sessions.Include(s => s.CoChairs);

    public Task<PageOf<SessionResponse>> ListAsync(Guid? jointBodyId, string? status, Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Sessions.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, s => s.JointBodyId == jointBodyId);

        if (Filters.Enum<SessionStatus>(status, "status") is { } st)
        {
            query = query.Where(s => s.Status == st);
        }

        query = query.WhereIf(partyId is not null, s => Db.Set<JointBodyMember>().Any(m => m.JointBodyId == s.JointBodyId && m.PartyId == partyId));

        return PageAsync(query.OrderBy(s => s.JointBodyId).ThenByDescending(s => s.Number), paging, ct);
    }

    protected override Session New() => new Session();

    protected override async Task ApplyAsync(Session session, SessionRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        var bodyId = checks.Required(request.JointBodyId, "jointBodyId");
        if (!isNew && request.JointBodyId is not null && bodyId != session.JointBodyId)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "jointBodyId", "A session cannot move to another joint body."));
        }

        var status = checks.Enum<SessionStatus>(request.Status, "status") ?? session.Status;
        if (!isNew && session.Status == SessionStatus.Concluded && status == SessionStatus.Concluded)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.SessionConcluded, "status", "The session is concluded: reopen it (status 'open' with a 'reopenReason') before changing its records.")]));
        }

        var parties = request.JointBodyId is null ? [] : await refs.BodyPartiesAsync(bodyId, "jointBodyId", ct);
        var number = checks.Required(request.Number, "number");
        if (request.Number is not null && request.JointBodyId is not null
            && await Db.Sessions.AnyAsync(s => s.JointBodyId == bodyId && s.Number == number && s.Id != session.Id, ct))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "number", $"The joint body already has a session number {number}.", number));
        }

        var coChairs = await PersonRoles.ReadAsync(request.CoChairs, "coChairs", checks, refs, parties, PersonRoleFields.None, "co-chair", (_, person, party, title, _) =>
            new SessionCoChair { SessionId = session.Id, PersonId = person, PartyId = party, Title = title }, ct);
        var candidate = new Session
        {
            Number = number,
            Year = request.Year,
            YearInferred = request.YearInferred ?? false,
            StartsOn = checks.Date(request.StartsOn, "startsOn"),
            EndsOn = checks.Date(request.EndsOn, "endsOn"),
            PlaceKind = checks.Enum<PlaceKind>(request.PlaceKind, "placeKind") ?? PlaceKind.ToBeDecided,
            PlaceName = checks.OptionalText(request.PlaceName, "placeName", BilingualText.MaxTitleLength),
            CoChairs = coChairs,
            NextPlaceKind = checks.Enum<PlaceKind>(request.NextPlaceKind, "nextPlaceKind"),
            NextPlaceName = checks.OptionalText(request.NextPlaceName, "nextPlaceName", BilingualText.MaxTitleLength),
            NextStartsOn = checks.Date(request.NextStartsOn, "nextStartsOn"),
            HostPartyId = request.HostPartyId,
            Theme = checks.OptionalText(request.Theme, "theme", BilingualText.MaxTitleLength),
        };
        if (request.JointBodyId is not null)
        {
            refs.Member(parties, request.HostPartyId, "hostPartyId");
        }

        checks.AddRange(candidate.Check());
        checks.Length(request.ReopenReason, "reopenReason", 2000);
        checks.Try(() => session.ChangeStatus(status, request.ReopenReason));
        checks.ThrowIfAny();

        session.JointBodyId = bodyId;
        session.Number = candidate.Number;
        session.Year = candidate.Year;
        session.YearInferred = candidate.YearInferred;
        session.StartsOn = candidate.StartsOn;
        session.EndsOn = candidate.EndsOn;
        session.PlaceKind = candidate.PlaceKind;
        session.PlaceName = candidate.PlaceName;
        session.NextPlaceKind = candidate.NextPlaceKind;
        session.NextPlaceName = candidate.NextPlaceName;
        session.NextStartsOn = candidate.NextStartsOn;
        session.HostPartyId = candidate.HostPartyId;
        session.Theme = candidate.Theme;
        session.CoChairs.SyncWith(coChairs, c => (c.PartyId, c.PersonId), (existing, wanted) => existing.Title = wanted.Title);
    }
}

public static class SessionsApi
{
    public static void MapSessionsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/sessions", "Sessions");
        group.MapGet("/", (Guid? jointBodyId, string? status, Guid? partyId, string? q, int? page, int? pageSize, string? sort, SessionsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, status, partyId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<SessionsHandler, Session, SessionRequest, SessionResponse>();
        group.MapPost("/{id:guid}/next", async (Guid id, NextSessionRequest? request, NextSessionHandler h, CancellationToken ct) =>
        {
            var (response, created) = await h.ProposeAsync(id, request ?? new NextSessionRequest(null, null), ct);
            return created
                ? (Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Created<NextSessionResponse>, Microsoft.AspNetCore.Http.HttpResults.Ok<NextSessionResponse>>)TypedResults.Created($"/api/sessions/{response.Session.Id}", response)
                : TypedResults.Ok(response);
        });
    }
}
