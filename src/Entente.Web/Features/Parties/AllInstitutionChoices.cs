using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Parties;

/// <summary>
/// What a field of institutions of any party offers (an agreement's funder may be a UN agency or a
/// fund of neither party): every institution, named with its party.
/// </summary>
public sealed class AllInstitutionChoices : IChoiceSource
{
    public const string Source = "all-institutions";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        (await db.Institutions.AsNoTracking()
            .Join(db.Parties.AsNoTracking(), i => i.PartyId, p => p.Id, (i, p) => new { i.Id, i.PartyId, NameAr = i.Name.Ar, NameEn = i.Name.En, PartyAr = p.Name.Ar, PartyEn = p.Name.En })
            .ToListAsync(ct))
        // The body's own parties' institutions first, then the others, each by name.
        .OrderBy(i => !partyIds.Contains(i.PartyId)).ThenBy(i => i.NameEn, StringComparer.Ordinal)
        .Select(i => new BodyChoice(i.Id, new TextDto(Join(i.NameAr, i.PartyAr, "،"), Join(i.NameEn, i.PartyEn, ",")), i.PartyId))
        .ToList();

    private static string? Join(string name, string party, string comma) =>
        name.Length == 0 ? null : party.Length == 0 ? name : $"{name}{comma} {party}";
}
