using Entente.Data;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

/// <summary>A statement by its own id (a link of the translation queue): its session's statement page, read through the reader's context.</summary>
public sealed class GoModel(AppDbContext db) : EntentePage
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await db.JointStatements.AsNoTracking().Where(s => s.Id == id).Select(s => (Guid?)s.SessionId).FirstOrDefaultAsync(ct) is { } session
            ? Redirect($"/sessions/{session}/statement")
            : NotFound();
}
