using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Tracks;

/// <summary>What a reference field to tracks offers: the body's tracks, by area then English name.</summary>
public sealed class TrackChoices : IChoiceSource
{
    public const string Source = "tracks";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == bodyId).OrderBy(t => t.Area).ThenBy(t => t.Name.En)
            .Select(t => new BodyChoice(t.Id, new TextDto(t.Name.Ar, t.Name.En), null)).ToListAsync(ct);
}
