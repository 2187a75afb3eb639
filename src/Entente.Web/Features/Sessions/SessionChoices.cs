using System.Globalization;
using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

/// <summary>What a reference field to sessions offers: the body's sessions, latest first.</summary>
public sealed class SessionChoices : IChoiceSource
{
    public const string Source = "sessions";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        [.. (await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == bodyId).OrderByDescending(s => s.Number)
            .Select(s => new { s.Id, s.Number }).ToListAsync(ct))
            .Select(s => new BodyChoice(s.Id, new TextDto(string.Create(CultureInfo.InvariantCulture, $"الدورة {s.Number}"), string.Create(CultureInfo.InvariantCulture, $"Session {s.Number}")), null))];
}
