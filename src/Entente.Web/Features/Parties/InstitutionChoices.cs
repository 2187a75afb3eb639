using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Parties;

/// <summary>What a reference field to institutions offers: the institutions of the body's parties.</summary>
public sealed class InstitutionChoices : IChoiceSource
{
    public const string Source = "institutions";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.Institutions.AsNoTracking().Where(i => partyIds.Contains(i.PartyId)).OrderBy(i => i.Name.En)
            .Select(i => new BodyChoice(i.Id, new TextDto(i.Name.Ar, i.Name.En), i.PartyId)).ToListAsync(ct);
}
