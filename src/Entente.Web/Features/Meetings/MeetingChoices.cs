using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Meetings;

/// <summary>What a reference field to meetings offers: the body's meetings.</summary>
public sealed class MeetingChoices : IChoiceSource
{
    public const string Source = "meetings";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.Meetings.AsNoTracking().Where(m => m.JointBodyId == bodyId).OrderBy(m => m.Title.En)
            .Select(m => new BodyChoice(m.Id, new TextDto(m.Title.Ar, m.Title.En), null)).ToListAsync(ct);
}
