using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Parties;

/// <param name="Side">How a statement names the party as a side («الجانب الكويتي», "the Kuwaiti side"); optional.</param>
public sealed record PartyRequest(string? Code, string? Kind, TextDto? Name, TextDto? Side = null);

public sealed record PartyResponse(Guid Id, long Version, string Code, PartyKind Kind, TextDto Name, TextDto? Side) : IVersioned;

public sealed record InstitutionRequest(Guid? PartyId, TextDto? Name);

public sealed record InstitutionResponse(Guid Id, long Version, Guid PartyId, TextDto Name) : IVersioned;

/// <summary>Parties: the sides of joint bodies.</summary>
public sealed class PartiesHandler(AppDbContext db) : RecordHandler<Party, PartyRequest, PartyResponse>(db, "party")
{
    protected override Expression<Func<Party, PartyResponse>> Projection { get; } =
        p => new PartyResponse(p.Id, p.Version, p.Code, p.Kind, new TextDto(p.Name.Ar, p.Name.En), p.Side == null ? null : new TextDto(p.Side.Ar, p.Side.En));

    public Task<PageOf<PartyResponse>> ListAsync(string? code, Paging paging, CancellationToken ct)
    {
        var query = Db.Parties.AsNoTracking();
        if (Filters.Text(code, "code") is { } text)
        {
            var upper = text.ToUpperInvariant();
            query = query.Where(p => p.Code == upper);
        }

        return PageAsync(query.OrderBy(p => p.Code), paging, ct);
    }

    protected override Party New() => new() { Code = string.Empty, Name = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Party party, PartyRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var code = checks.Required(request.Code?.Trim().ToUpperInvariant(), "code", 12);
        if (code.Length > 0 && !code.All(c => char.IsAsciiLetterUpper(c) || c == '-'))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "code", "'code' is an ISO 3166 alpha-2 code or a short code of capital letters."));
        }

        var name = checks.Text(request.Name, "name");
        var side = checks.OptionalText(request.Side, "side", BilingualText.MaxTitleLength);
        var kind = checks.Enum<PartyKind>(request.Kind, "kind") ?? PartyKind.State;
        if (checks.Ok && await Db.Parties.AnyAsync(p => p.Code == code && p.Id != party.Id, ct))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "code", $"Another party already has the code '{code}'.", code));
        }

        checks.ThrowIfAny();
        party.Code = code;
        party.Kind = kind;
        party.Name = name;
        party.Side = side;
    }
}

/// <summary>Institutions of the parties: ministries, agencies, libraries, funds.</summary>
public sealed class InstitutionsHandler(AppDbContext db) : RecordHandler<Institution, InstitutionRequest, InstitutionResponse>(db, "institution")
{
    protected override Expression<Func<Institution, InstitutionResponse>> Projection { get; } =
        i => new InstitutionResponse(i.Id, i.Version, i.PartyId, new TextDto(i.Name.Ar, i.Name.En));

    public Task<PageOf<InstitutionResponse>> ListAsync(Guid? partyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Institutions.AsNoTracking();
        query = query.WhereIf(partyId is not null, i => i.PartyId == partyId);

        return PageAsync(query.OrderBy(i => i.PartyId).ThenBy(i => i.Name.En).ThenBy(i => i.Id), paging, ct);
    }

    protected override Institution New() => new() { Name = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Institution institution, InstitutionRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
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
        parties.MapGet("/", (string? code, string? q, int? page, int? pageSize, PartiesHandler h, CancellationToken ct) =>
            h.ListAsync(code, Paging.From(page, pageSize, null, q), ct));
        parties.MapRecordRoutes<PartiesHandler, Party, PartyRequest, PartyResponse>();

        var institutions = app.MapApiGroup("/api/institutions", "Parties");
        institutions.MapGet("/", (Guid? partyId, string? q, int? page, int? pageSize, InstitutionsHandler h, CancellationToken ct) =>
            h.ListAsync(partyId, Paging.From(page, pageSize, null, q), ct));
        institutions.MapRecordRoutes<InstitutionsHandler, Institution, InstitutionRequest, InstitutionResponse>();
    }
}
