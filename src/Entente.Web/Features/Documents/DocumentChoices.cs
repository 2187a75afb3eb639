using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Documents;

/// <summary>What a reference field to documents offers: the body's documents.</summary>
public sealed class DocumentChoices : IChoiceSource
{
    public const string Source = "documents";

    public string Name => Source;

    public async Task<IReadOnlyList<BodyChoice>> LoadAsync(AppDbContext db, Guid bodyId, IReadOnlyList<Guid> partyIds, CancellationToken ct) =>
        await db.Documents.AsNoTracking().Where(d => d.JointBodyId == bodyId).OrderBy(d => d.Title.En)
            .Select(d => new BodyChoice(d.Id, new TextDto(d.Title.Ar, d.Title.En), null)).ToListAsync(ct);
}
