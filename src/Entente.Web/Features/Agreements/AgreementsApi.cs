using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Agreements;

public sealed record AgreementRequest(
    Guid? JointBodyId,
    Guid? TrackId,
    string? Kind,
    TextDto? Title,
    TextDto? Summary,
    string? Status,
    DateDto? SignedOn,
    TextDto? SignedAt,
    DateDto? InForceFrom,
    Guid[]? PartyIds,
    string? Visibility,
    Guid? OwnerPartyId,
    AgreementEventRequest?[]? Events = null,
    PersonRoleRequest?[]? Signatories = null,
    AgreementInstitutionDto?[]? Institutions = null);

/// <summary>An institution the agreement concerns, and as what: <c>party</c>, <c>beneficiary</c>, <c>implementer</c> or <c>funder</c>.</summary>
public sealed record AgreementInstitutionDto(Guid? InstitutionId, string? Role);

/// <summary>One step of an agreement's history: the status it reached, when, and at which session.</summary>
public sealed record AgreementEventRequest(string? Status, DateDto? On, Guid? SessionId);

public sealed record AgreementEventResponse(AgreementStatus Status, DateDto? On, Guid? SessionId);

public sealed record AgreementResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid? TrackId,
    AgreementKind Kind,
    TextDto Title,
    TextDto? Summary,
    AgreementStatus Status,
    IReadOnlyList<AgreementStatus> NextStatuses,
    DateDto? SignedOn,
    TextDto? SignedAt,
    DateDto? InForceFrom,
    IReadOnlyList<Guid> PartyIds,
    Visibility Visibility,
    Guid? OwnerPartyId,
    IReadOnlyList<AgreementEventResponse> Events,
    IReadOnlyList<PersonRoleResponse> Signatories,
    IReadOnlyList<AgreementInstitutionDto> Institutions) : IVersioned;

/// <summary>Agreements, MoUs, protocols and executive programmes, moving through their lifecycle.</summary>
public sealed class AgreementsHandler(AppDbContext db, TimeProvider clock) : RecordHandler<Agreement, AgreementRequest, AgreementResponse>(db, "agreement")
{
    private static readonly Expression<Func<Agreement, AgreementResponse>> AsResponse = a => new AgreementResponse(
        a.Id,
        a.Version,
        a.JointBodyId,
        a.TrackId,
        a.Kind,
        new TextDto(a.Title.Ar, a.Title.En),
        a.Summary == null ? null : new TextDto(a.Summary.Ar, a.Summary.En),
        a.Status,
        Agreement.NextStatusesOf(a.Status),
        DateDto.Of(a.SignedOn),
        a.SignedAt == null ? null : new TextDto(a.SignedAt.Ar, a.SignedAt.En),
        DateDto.Of(a.InForceFrom),
        a.Parties.OrderBy(p => p.PartyId).Select(p => p.PartyId).ToList(),
        a.Visibility,
        a.OwnerPartyId,
        a.Events.OrderBy(e => e.Sequence).Select(e => new AgreementEventResponse(e.Status, DateDto.Of(e.On), e.SessionId)).ToList(),
        a.Signatories.OrderBy(s => s.PartyId).ThenBy(s => s.PersonId).Select(s => new PersonRoleResponse(
            s.PersonId,
            s.PartyId,
            new TextDto(
                s.Person!.Names.Where(n => n.Language == "ar" && n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                s.Person!.Names.Where(n => n.Language == "en" && n.IsPreferred).Select(n => n.Text).FirstOrDefault()),
            new TextDto(s.Title.Ar, s.Title.En),
            "signatory",
            DateDto.Of(s.SignedOn),
            s.InstitutionId)).ToList(),
        a.Institutions.OrderBy(i => i.Role).ThenBy(i => i.InstitutionId).Select(i => new AgreementInstitutionDto(i.InstitutionId, Names.Kebab(i.Role))).ToList());

    protected override Expression<Func<Agreement, AgreementResponse>> Projection => AsResponse;

    protected override IQueryable<Agreement> ForUpdate => Db.Agreements.Include(a => a.Parties).Include(a => a.Events).Include(a => a.Signatories).Include(a => a.Institutions);

    public Task<PageOf<AgreementResponse>> ListAsync(Guid? jointBodyId, Guid? trackId, string? status, string? kind, Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Agreements.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, a => a.JointBodyId == jointBodyId);
        query = query.WhereIf(trackId is not null, a => a.TrackId == trackId);

        if (Filters.Enum<AgreementStatus>(status, "status") is { } st)
        {
            query = query.Where(a => a.Status == st);
        }

        if (Filters.Enum<AgreementKind>(kind, "kind") is { } k)
        {
            query = query.Where(a => a.Kind == k);
        }

        query = query.WhereIf(partyId is not null, a => a.Parties.Any(p => p.PartyId == partyId));

        return PageAsync(query.OrderBy(a => a.JointBodyId).ThenBy(a => a.Title.En).ThenBy(a => a.Id), paging, ct);
    }

    protected override Agreement New() => new Agreement { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Agreement agreement, AgreementRequest request, bool isNew, CancellationToken ct)
    {
        var (checks, refs, bodyId, parties) = await BodyWrite.StartAsync(Db, request.JointBodyId, isNew ? null : agreement.JointBodyId, "An agreement", ct);
        await refs.InBodyAsync<Track>(request.TrackId, bodyId, t => t.JointBodyId == bodyId, "trackId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : agreement);
        var partyIds = request.PartyIds is null ? parties : checks.Ids(request.PartyIds, "partyIds");
        await refs.AllInBodyAsync<Party>(partyIds, _ => true, "partyIds", ct);

        var kind = checks.RequiredEnum<AgreementKind>(request.Kind, "kind");
        var title = checks.Text(request.Title, "title");
        var summary = checks.OptionalText(request.Summary, "summary");
        var signedOn = checks.Date(request.SignedOn, "signedOn");
        var signedAt = checks.OptionalText(request.SignedAt, "signedAt", BilingualText.MaxTitleLength);
        var inForceFrom = checks.Date(request.InForceFrom, "inForceFrom");
        var requestedStatus = checks.Enum<AgreementStatus>(request.Status, "status");
        var history = await ReadHistoryAsync(checks, refs, request.Events, bodyId, ct);
        var signatories = await PersonRoles.ReadAsync(request.Signatories, "signatories", checks, refs, parties, PersonRoleFields.SignedOn | PersonRoleFields.Institution, "signatory", (r, person, party, title, i) =>
            new AgreementSignatory { AgreementId = agreement.Id, PersonId = person, PartyId = party, InstitutionId = r.InstitutionId, Title = title, SignedOn = checks.Date(r.SignedOn, $"signatories[{i}].signedOn") }, ct);
        var institutions = new List<AgreementInstitution>();
        foreach (var (row, i) in checks.Entries(request.Institutions, "institutions"))
        {
            var institutionId = checks.Required(row.InstitutionId, $"institutions[{i}].institutionId");
            var role = checks.RequiredEnum<AgreementInstitutionRole>(row.Role, $"institutions[{i}].role");
            if (row.InstitutionId is not null)
            {
                await refs.InstitutionPartyAsync(institutionId, $"institutions[{i}].institutionId", ct);
            }

            if (institutions.Any(x => x.InstitutionId == institutionId && x.Role == role))
            {
                checks.Add(new RuleError(RuleCodes.Duplicate, $"institutions[{i}]", $"'institutions[{i}]' names the same institution in the same role twice."));
            }

            institutions.Add(new AgreementInstitution { AgreementId = agreement.Id, InstitutionId = institutionId, Role = role });
        }

        if (history is [.., var last] && requestedStatus is { } named && named != last.Status)
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "status", "'status' differs from the status of the last event of 'events'; give one, or both alike.", Names.Kebab(named), Names.Kebab(last.Status)));
        }

        var status = requestedStatus ?? agreement.Status;
        checks.ThrowIfAny();

        agreement.JointBodyId = bodyId;
        agreement.TrackId = request.TrackId;
        agreement.SetVisibility(visibility, owner);
        agreement.Kind = kind;
        agreement.Title = title;
        agreement.Summary = summary;
        agreement.SignedOn = signedOn;
        agreement.SignedAt = signedAt;
        agreement.InForceFrom = inForceFrom;
        agreement.Signatories.SyncWith(signatories, s => (s.PartyId, s.PersonId), (existing, wanted) => (existing.Title, existing.SignedOn, existing.InstitutionId) = (wanted.Title, wanted.SignedOn, wanted.InstitutionId));
        agreement.Institutions.SyncWith(institutions, x => (x.InstitutionId, x.Role));
        agreement.Parties.SyncWith(partyIds.Select(p => new AgreementParty { AgreementId = agreement.Id, PartyId = p }), p => p.PartyId);

        // A history given replaces the one kept. Without one, a new agreement (recorded after the fact)
        // walks the shortest legal path from 'proposed', dated where its own dates say; an existing one
        // moves one allowed step at a time, each move an event of today.
        checks.Try(() =>
        {
            if (history is not null)
            {
                agreement.ReplaceHistory(history);
            }
            else if (isNew)
            {
                agreement.ReplaceHistory([.. Agreement.PathFromProposed(status).Select(s => new AgreementEvent
                {
                    Status = s,
                    On = s switch { AgreementStatus.Signed => signedOn, AgreementStatus.InForce => inForceFrom, _ => null },
                })]);
            }
            else if (status != agreement.Status)
            {
                agreement.ChangeStatus(status, PartialDate.Of(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)));
            }
        });
        checks.AddRange(agreement.Check());
        checks.ThrowIfAny();
    }

    private static async Task<List<AgreementEvent>?> ReadHistoryAsync(Checks checks, References refs, AgreementEventRequest?[]? events, Guid bodyId, CancellationToken ct)
    {
        if (events is null)
        {
            return null;
        }

        var history = new List<AgreementEvent>();
        foreach (var (e, i) in checks.Entries(events, "events"))
        {
            var status = checks.RequiredEnum<AgreementStatus>(e.Status, $"events[{i}].status");
            var on = checks.Date(e.On, $"events[{i}].on");
            await refs.InBodyAsync<Session>(e.SessionId, bodyId, s => s.JointBodyId == bodyId, $"events[{i}].sessionId", ct);
            history.Add(new AgreementEvent { Status = status, On = on, SessionId = e.SessionId });
        }

        if (events.Length == 0)
        {
            checks.Add(new RuleError(RuleCodes.Required, "events", "An agreement's history has at least one event; leave 'events' out to keep the one recorded."));
        }

        return history;
    }
}

public static class AgreementsApi
{
    public static void MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/agreements", "Agreements");
        group.MapGet("/", (Guid? jointBodyId, Guid? trackId, string? status, string? kind, Guid? partyId, string? q, int? page, int? pageSize, string? sort, AgreementsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, trackId, status, kind, partyId, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<AgreementsHandler, Agreement, AgreementRequest, AgreementResponse>();
    }
}
