using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Notes;

/// <summary>The discussion beside a record, as a page shows it: its notes, oldest first, and whether the reader may add one.</summary>
/// <param name="TargetNational">A note on a national record is national too (the other party never sees the record).</param>
/// <param name="ReturnTo">The page the form comes back to after a note is added.</param>
/// <param name="Earlier">How many older notes there are beyond those shown (read on the body's notes page).</param>
public sealed record DiscussionView(Guid BodyId, RecordType TargetType, Guid TargetId, bool TargetNational, IReadOnlyList<NoteResponse> Notes, int Earlier, bool MayWrite, string ReturnTo)
{
    public string TargetTypeName => EnumText.Policy.ConvertName(TargetType.ToString());
}

/// <summary>Reads the discussion on a record for a page (through the reader's own visibility: another party's national notes never come).</summary>
public sealed class Discussions(AppDbContext db, NotesHandler notes, RecordTargets targets)
{
    /// <summary>How many notes a record's page shows; the rest are on the body's notes page.</summary>
    public const int Shown = 50;

    public async Task<DiscussionView> LoadAsync(System.Security.Claims.ClaimsPrincipal user, Guid bodyId, RecordType type, Guid targetId, string returnTo, CancellationToken ct)
    {
        var scope = await targets.ScopeAsync(db, type, targetId, ct);
        var list = await notes.DiscussionAsync(targetId, Shown, ct);
        var total = list.Count < Shown ? list.Count : await db.Notes.CountAsync(n => n.TargetId == targetId, ct);
        var account = EntenteClaims.AccountOf(user);
        var mayWrite = await db.Memberships.AsNoTracking().AnyAsync(m => m.AccountId == account && m.JointBodyId == bodyId && m.Role != MemberRole.Viewer, ct);
        return new DiscussionView(bodyId, type, targetId, scope?.Visibility == Visibility.National, list, total - list.Count, mayWrite, returnTo);
    }
}
