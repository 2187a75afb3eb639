using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Parties;

public sealed record PartyRequest(string? Code, string? Kind, TextDto? Name);

public sealed record PartyResponse(Guid Id, long Version, string Code, PartyKind Kind, TextDto Name) : IVersioned;

public sealed record InstitutionRequest(Guid? PartyId, TextDto? Name);

public sealed record InstitutionResponse(Guid Id, long Version, Guid PartyId, TextDto Name) : IVersioned;

/// <summary>Parties (the sides of joint bodies) and their institutions.</summary>
public sealed class PartiesHandler(AppDbContext db)
{
    private static readonly Expression<Func<Party, PartyResponse>> AsParty =
        p => new PartyResponse(p.Id, p.Version, p.Code, p.Kind, new TextDto(p.Name.Ar, p.Name.En));

    private static readonly Expression<Func<Institution, InstitutionResponse>> AsInstitution =
        i => new InstitutionResponse(i.Id, i.Version, i.PartyId, new TextDto(i.Name.Ar, i.Name.En));

    public Task<PageOf<PartyResponse>> ListAsync(string? code, Paging paging, CancellationToken ct)
    {
        var query = db.Parties.AsNoTracking();
        if (EnumText.TextFilter(code, "code") is { } text)
        {
            var upper = text.ToUpperInvariant();
            query = query.Where(p => p.Code == upper);
        }

        return Crud.PageAsync(query.OrderBy(p => p.Code), AsParty, paging, ct);
    }

    public Task<PartyResponse> GetAsync(Guid id, CancellationToken ct) =>
        Crud.OneAsync(db.Parties, id, AsParty, "party", ct);

    public async Task<PartyResponse> CreateAsync(PartyRequest request, CancellationToken ct)
    {
        var party = new Party { Code = string.Empty, Name = new BilingualText(string.Empty, string.Empty) };
        await ApplyAsync(party, request, ct);
        return await GetAsync(await Crud.CreateAsync(db, party, ct), ct);
    }

    public async Task<PartyResponse> UpdateAsync(HttpContext http, Guid id, PartyRequest request, CancellationToken ct)
    {
        await Crud.UpdateAsync(db, http, db.Parties, id, "party", party => ApplyAsync(party, request, ct), ct);
        return await GetAsync(id, ct);
    }

    private async Task ApplyAsync(Party party, PartyRequest request, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Required(request.Code?.Trim().ToUpperInvariant(), "code", 12);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterUpper(c) || c == '-'))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "code", "'code' is an ISO 3166 alpha-2 code or a short code of capital letters."));
        }

        var name = checks.Text(request.Name, "name");
        var kind = checks.Enum<PartyKind>(request.Kind, "kind") ?? PartyKind.State;
        if (checks.Ok && await db.Parties.AnyAsync(p => p.Code == code && p.Id != party.Id, ct))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "code", $"Another party already has the code '{code}'.", code));
        }

        checks.ThrowIfAny();
        party.Code = code;
        party.Kind = kind;
        party.Name = name;
    }

    public Task<PageOf<InstitutionResponse>> ListInstitutionsAsync(Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = db.Institutions.AsNoTracking();
        if (partyId is not null)
        {
            query = query.Where(i => i.PartyId == partyId);
        }

        return Crud.PageAsync(query.OrderBy(i => i.PartyId).ThenBy(i => i.Name.En).ThenBy(i => i.Id), AsInstitution, paging, ct);
    }

    public Task<InstitutionResponse> GetInstitutionAsync(Guid id, CancellationToken ct) =>
        Crud.OneAsync(db.Institutions, id, AsInstitution, "institution", ct);

    public async Task<InstitutionResponse> CreateInstitutionAsync(InstitutionRequest request, CancellationToken ct)
    {
        var institution = new Institution { Name = new BilingualText(string.Empty, string.Empty) };
        await ApplyAsync(institution, request, ct);
        return await GetInstitutionAsync(await Crud.CreateAsync(db, institution, ct), ct);
    }

    public async Task<InstitutionResponse> UpdateInstitutionAsync(HttpContext http, Guid id, InstitutionRequest request, CancellationToken ct)
    {
        await Crud.UpdateAsync(db, http, db.Institutions, id, "institution", i => ApplyAsync(i, request, ct), ct);
        return await GetInstitutionAsync(id, ct);
    }

    private async Task ApplyAsync(Institution institution, InstitutionRequest request, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(db, checks);
        var partyId = checks.Required(request.PartyId, "partyId");
        await refs.ExistsAsync<Party>(request.PartyId, "partyId", ct);
        var name = checks.Text(request.Name, "name");
        if (institution.PartyId != Guid.Empty && partyId != institution.PartyId)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "partyId", "An institution belongs to its party for good; create a new institution instead."));
        }

        checks.ThrowIfAny();
        institution.PartyId = partyId;
        institution.Name = name;
    }
}

public static class PartiesApi
{
    public static void MapPartiesApi(this IEndpointRouteBuilder app)
    {
        var parties = app.MapApiGroup("/api/parties", "Parties");
        parties.MapGet("/", (string? code, int? page, int? pageSize, PartiesHandler h, CancellationToken ct) =>
            h.ListAsync(code, Paging.From(page, pageSize), ct));
        parties.MapRecordRoutes<PartiesHandler, PartyRequest, PartyResponse>(
            (h, r, ct) => h.CreateAsync(r, ct), (h, id, ct) => h.GetAsync(id, ct), (h, http, id, r, ct) => h.UpdateAsync(http, id, r, ct));

        var institutions = app.MapApiGroup("/api/institutions", "Parties");
        institutions.MapGet("/", (Guid? partyId, int? page, int? pageSize, PartiesHandler h, CancellationToken ct) =>
            h.ListInstitutionsAsync(partyId, Paging.From(page, pageSize), ct));
        institutions.MapRecordRoutes<PartiesHandler, InstitutionRequest, InstitutionResponse>(
            (h, r, ct) => h.CreateInstitutionAsync(r, ct), (h, id, ct) => h.GetInstitutionAsync(id, ct), (h, http, id, r, ct) => h.UpdateInstitutionAsync(http, id, r, ct));
    }
}
