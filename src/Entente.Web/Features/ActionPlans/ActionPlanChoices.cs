using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.ActionPlans;

/// <summary>What a reference field to action-plans offers: the body's action plans, latest session and version first.</summary>
public sealed class ActionPlanChoices : IChoiceSource
{
    public const string Source = "action-plans";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        [.. (await db.ActionPlans.AsNoTracking().Where(p => p.JointBodyId == bodyId)
            .Join(db.Sessions, p => p.SessionId, s => s.Id, (p, s) => new { p.Id, p.Title, s.Number, p.PlanVersion }).ToListAsync(ct))
            .OrderByDescending(p => p.Number).ThenByDescending(p => p.PlanVersion)
            .Select(p => new BodyChoice(p.Id, new TextDto(p.Title.Ar, p.Title.En), null))];
}
