using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

/// <summary>The session a record belongs to (a meeting, an action plan), and the rule that a concluded session's records are not changed silently.</summary>
public static class SessionGuard
{
    /// <summary>
    /// Reads <c>sessionId</c> of a request: required, existing, unchanged for an existing record
    /// (<paramref name="current"/>), and open for changes; reports the first three to
    /// <paramref name="checks"/> and throws 409 <c>session-concluded</c> for the last.
    /// </summary>
    /// <param name="noun">The record, for messages ("A meeting").</param>
    public static async Task<(Guid SessionId, Session? Session)> ReadAsync(AppDbContext db, Checks checks, Guid? requested, Guid? current, string noun, CancellationToken ct)
    {
        var sessionId = checks.Required(requested, "sessionId");
        var session = requested is null ? null : await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (requested is not null && session is null)
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, "sessionId", $"'sessionId' names no existing session ('{sessionId}').", sessionId));
        }
        else if (current is not null && session is not null && session.Id != current)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "sessionId", $"{noun} cannot move to another session."));
        }

        await EnsureOpenAsync(db, current ?? session?.Id, ct);
        return (sessionId, session);
    }

    /// <summary>Throws 409 <c>session-concluded</c> when the session is concluded.</summary>
    public static async Task EnsureOpenAsync(AppDbContext db, Guid? sessionId, CancellationToken ct)
    {
        if (sessionId is not null && await db.Sessions.AnyAsync(s => s.Id == sessionId && s.Status == SessionStatus.Concluded, ct))
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.SessionConcluded, "sessionId", "The session is concluded: its records cannot be changed until it is reopened with a reason.")]));
        }
    }
}
