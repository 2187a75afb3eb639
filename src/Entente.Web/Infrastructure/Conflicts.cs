using Entente.Data;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>A field another person changed while the reader was editing: its label, their value and the reader's, and whether both changed it.</summary>
public sealed record ConflictRow(string Label, string Theirs, string Mine, bool BothChanged);

/// <summary>Who last changed a record, and when, as the reader may see it in the record's history.</summary>
public sealed record LastChange(string By, DateTime At);

/// <summary>What an edit page shows when another person saved first: what they changed, and who and when.</summary>
public sealed record ConflictView(IReadOnlyList<ConflictRow> Rows, LastChange? Last);

public static class LastChanges
{
    /// <summary>
    /// The newest entry of the record's history the reader may read (the chain's own visibility rules
    /// apply), named by the account's display name when it has one, else by the address it signed in with.
    /// </summary>
    public static async Task<LastChange?> OfAsync(AppDbContext db, Guid recordId, CancellationToken ct)
    {
        var last = await db.AuditEntries.AsNoTracking().Where(a => a.RecordId == recordId)
            .OrderByDescending(a => a.Sequence).Select(a => new { a.Actor, a.At }).FirstOrDefaultAsync(ct);
        if (last is null)
        {
            return null;
        }

        return new LastChange(await ActorNameAsync(db, last.Actor, ct) ?? last.Actor, last.At);
    }

    /// <summary>The display name of the account an audit entry's actor names (its address, or a job's <c>job:</c> and address), when it has one.</summary>
    public static Task<string?> ActorNameAsync(AppDbContext db, string actor, CancellationToken ct)
    {
        var email = actor.StartsWith("job:", StringComparison.Ordinal) ? actor[4..] : actor;
        return db.Users.AsNoTracking().Where(u => u.Email == email && u.DisplayName != null).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
    }
}
