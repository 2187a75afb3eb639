using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionItems;

/// <summary>What a reference field to action-items offers: the body's action items.</summary>
public sealed class ActionItemChoices : IChoiceSource
{
    public const string Source = "action-items";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.ActionItems.AsNoTracking().Where(i => i.JointBodyId == bodyId).OrderBy(i => i.Title.En)
            .Select(i => new BodyChoice(i.Id, new TextDto(i.Title.Ar, i.Title.En), null)).ToListAsync(ct);
}
