using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.JointBodies;

/// <param name="RenamedOn">When a change of name or kind took effect; the former name is kept in the history.</param>
/// <param name="NameVariants">Other names the body goes by in one language, with when each was used.</param>
/// <param name="ArabicGender">The gender of the body's Arabic name when its kind's usual noun does not give it.</param>
/// <param name="Frequency">How often the body meets.</param>
public sealed record JointBodyRequest(
    string? Kind,
    TextDto? Name,
    DateDto? Established,
    TextDto? HistoryNote,
    int? RelationsSince,
    Guid[]? PartyIds,
    DateDto? RenamedOn,
    NameVariantDto?[]? NameVariants = null,
    string? ArabicGender = null,
    string? Frequency = null);

/// <summary>Another name of a body in one language (<c>ar</c> or <c>en</c>), with when it was used if known.</summary>
public sealed record NameVariantDto(string? Language, string? Text, DateDto? From = null, DateDto? Until = null);

public sealed record FormerNameResponse(JointBodyKind Kind, TextDto Name, DateDto? Until, ArabicGender Gender);

public sealed record JointBodyResponse(
    Guid Id,
    long Version,
    JointBodyKind Kind,
    TextDto Name,
    DateDto? Established,
    TextDto? HistoryNote,
    int? RelationsSince,
    IReadOnlyList<Guid> PartyIds,
    IReadOnlyList<FormerNameResponse> FormerNames,
    IReadOnlyList<NameVariantDto> NameVariants,
    ArabicGender? ArabicGender,
    ArabicGender Gender,
    SessionFrequency? Frequency) : IVersioned;

/// <summary>Joint bodies: their parties, names over time and history.</summary>
public sealed class JointBodiesHandler(AppDbContext db) : RecordHandler<JointBody, JointBodyRequest, JointBodyResponse>(db, "joint body")
{
    private static readonly Expression<Func<JointBody, JointBodyResponse>> AsResponse = b => new JointBodyResponse(
        b.Id,
        b.Version,
        b.Kind,
        new TextDto(b.Name.Ar, b.Name.En),
        DateDto.Of(b.Established),
        b.HistoryNote == null ? null : new TextDto(b.HistoryNote.Ar, b.HistoryNote.En),
        b.RelationsSince,
        b.Members.OrderBy(m => m.Precedence).ThenBy(m => m.PartyId).Select(m => m.PartyId).ToList(),
        b.FormerNames.OrderBy(f => f.Id).Select(f => new FormerNameResponse(f.Kind, new TextDto(f.Name.Ar, f.Name.En), DateDto.Of(f.Until), f.Gender)).ToList(),
        b.NameVariants.OrderBy(v => v.Language).ThenBy(v => v.Text).Select(v => new NameVariantDto(v.Language, v.Text, DateDto.Of(v.From), DateDto.Of(v.Until))).ToList(),
        b.ArabicGender,
        b.ArabicGender ?? JointBodyKinds.GenderOf(b.Kind),
        b.Frequency);

    protected override Expression<Func<JointBody, JointBodyResponse>> Projection => AsResponse;

    protected override IQueryable<JointBody> ForUpdate => Db.JointBodies.Include(b => b.Members).Include(b => b.FormerNames).Include(b => b.NameVariants);

    public Task<PageOf<JointBodyResponse>> ListAsync(Guid? partyId, string? kind, Paging paging, CancellationToken ct)
    {
        var query = Db.JointBodies.AsNoTracking();
        query = query.WhereIf(partyId is not null, b => b.Members.Any(m => m.PartyId == partyId));

        if (Filters.Enum<JointBodyKind>(kind, "kind") is { } k)
        {
            query = query.Where(b => b.Kind == k);
        }

        return PageAsync(query.OrderBy(b => b.Name.En).ThenBy(b => b.Id), paging, ct);
    }

    protected override JointBody New() => new JointBody { Name = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(JointBody body, JointBodyRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        var kind = checks.RequiredEnum<JointBodyKind>(request.Kind, "kind");
        var name = checks.Text(request.Name, "name");
        var established = checks.Date(request.Established, "established");
        var history = checks.OptionalText(request.HistoryNote, "historyNote");
        var renamedOn = checks.Date(request.RenamedOn, "renamedOn");
        if (request.RelationsSince is < 1000 or > 2200)
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "relationsSince", "'relationsSince' is a year between 1000 and 2200.", 1000, 2200));
        }

        var gender = checks.Enum<ArabicGender>(request.ArabicGender, "arabicGender");
        var frequency = checks.Enum<SessionFrequency>(request.Frequency, "frequency");
        var variants = new List<JointBodyNameVariant>();
        foreach (var (v, i) in checks.Entries(request.NameVariants, "nameVariants"))
        {
            variants.Add(new JointBodyNameVariant
            {
                JointBodyId = body.Id,
                Language = v.Language?.Trim() ?? string.Empty,
                Text = v.Text?.Trim() ?? string.Empty,
                From = checks.Date(v.From, $"nameVariants[{i}].from"),
                Until = checks.Date(v.Until, $"nameVariants[{i}].until"),
            });
        }

        var partyIds = checks.Ids(request.PartyIds, "partyIds");
        await refs.AllInBodyAsync<Party>(partyIds, _ => true, "partyIds", ct);
        var members = partyIds.Select((p, i) => new JointBodyMember { JointBodyId = body.Id, PartyId = p, Precedence = i }).ToList();
        checks.AddRange(new JointBody { Name = name, Members = members, NameVariants = variants }.CheckMembers());
        checks.ThrowIfAny();

        if (isNew)
        {
            body.Kind = kind;
            body.Name = name;
        }
        else
        {
            body.Rename(kind, name, renamedOn);
        }

        body.Established = established;
        body.HistoryNote = history;
        body.RelationsSince = request.RelationsSince;
        body.ArabicGender = gender;
        body.Frequency = frequency;
        body.NameVariants.SyncWith(variants, v => (v.Language, v.Text), (existing, wanted) => (existing.From, existing.Until) = (wanted.From, wanted.Until));
        body.Members.SyncWith(members, m => m.PartyId, (existing, wanted) => existing.Precedence = wanted.Precedence);
    }
}

public static class JointBodiesApi
{
    public static void MapJointBodiesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/joint-bodies", "Joint bodies");
        group.MapGet("/", (Guid? partyId, string? kind, string? q, int? page, int? pageSize, JointBodiesHandler h, CancellationToken ct) =>
            h.ListAsync(partyId, kind, Paging.From(page, pageSize, null, q), ct));
        group.MapRecordRoutes<JointBodiesHandler, JointBody, JointBodyRequest, JointBodyResponse>();
        group.MapGet("/{id:guid}/dashboard", (Guid id, string? asOf, DashboardHandler h, CancellationToken ct) => h.GetAsync(id, DashboardHandler.ReadAsOf(asOf), ct));
    }
}
