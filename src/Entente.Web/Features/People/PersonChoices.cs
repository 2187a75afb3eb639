using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.People;

/// <summary>What a reference field to people offers: the people of the body's parties, each by its preferred names.</summary>
public sealed class PersonChoices : IChoiceSource
{
    public const string Source = "people";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        [.. (await ReadAsync(db.People.AsNoTracking().Where(p => p.PartyId != null && partyIds.Contains(p.PartyId.Value)), ct))
            .OrderBy(p => p.Name.En, StringComparer.Ordinal)];

    /// <summary>Each person of <paramref name="people"/> by the preferred spelling in each language, with the party.</summary>
    internal static async Task<List<BodyChoice>> ReadAsync(IQueryable<Person> people, CancellationToken ct) =>
        [.. (await people.Select(p => new
            {
                p.Id,
                p.PartyId,
                Ar = p.Names.Where(n => n.Language == "ar").OrderByDescending(n => n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                En = p.Names.Where(n => n.Language == "en").OrderByDescending(n => n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
            }).ToListAsync(ct))
            .Select(p => new BodyChoice(p.Id, new TextDto(p.Ar, p.En), p.PartyId))];
}

/// <summary>
/// What a people-in-roles field offers when its people may be of any party (an agreement signed for
/// a UN agency by its director): everyone recorded, the body's parties' people first.
/// </summary>
public sealed class AllPersonChoices : IChoiceSource
{
    public const string Source = "all-people";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        [.. (await PersonChoices.ReadAsync(db.People.AsNoTracking(), ct))
            .OrderBy(p => p.PartyId is not { } party || !partyIds.Contains(party)).ThenBy(p => p.Name.En ?? p.Name.Ar, StringComparer.Ordinal)];
}
