using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Agreements;

/// <summary>What a reference field to agreements offers: the body's agreements.</summary>
public sealed class AgreementChoices : IChoiceSource
{
    public const string Source = "agreements";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.Agreements.AsNoTracking().Where(a => a.JointBodyId == bodyId).OrderBy(a => a.Title.En)
            .Select(a => new BodyChoice(a.Id, new TextDto(a.Title.Ar, a.Title.En), null)).ToListAsync(ct);
}
