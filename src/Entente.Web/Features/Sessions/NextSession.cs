using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

/// <param name="PlaceKind">Where the next session meets: one-of-the-capitals (the default), city (with its name), virtual or to-be-decided.</param>
public sealed record NextSessionRequest(string? PlaceKind, TextDto? PlaceName);

/// <param name="ActionPlanId">The draft plan of the next session holding the carried-forward items; null when none was open.</param>
public sealed record NextSessionResponse(SessionResponse Session, Guid? ActionPlanId, int CarriedItems);

/// <summary>
/// Proposes the session after a concluded one: number + 1, place as chosen (one of the two
/// capitals by default), date to be set; the open action items of the concluded session's plans
/// go forward, as copies linked to them, into a draft plan of the new session. All in one save.
/// Each party carries what it sees: the proposer's party cannot see, and so does not carry, the
/// other party's national items; once the next session exists, the same call by the other party
/// carries its own open items that have not gone forward yet into the same draft plan (200).
/// </summary>
public sealed class NextSessionHandler(AppDbContext db, SessionsHandler sessions)
{
    /// <returns>The next session, and whether this call created it (else it carried the caller's remaining items into it).</returns>
    public async Task<(NextSessionResponse Response, bool Created)> ProposeAsync(Guid sessionId, NextSessionRequest request, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("session", sessionId));
        await db.EnsureMayChangeAsync(session, ct);
        var checks = new Checks();
        if (session.Status != SessionStatus.Concluded)
        {
            checks.Add(new RuleError(RuleCodes.NotConcluded, "status", "The next session is proposed once this one is concluded."));
        }

        var number = session.Number + 1;
        var placeKind = checks.Enum<PlaceKind>(request.PlaceKind, "placeKind") ?? PlaceKind.OneOfTheCapitals;
        var placeName = checks.OptionalText(request.PlaceName, "placeName", BilingualText.MaxTitleLength);
        if (placeKind == PlaceKind.City && placeName is null)
        {
            checks.Add(new RuleError(RuleCodes.Required, "placeName", "A session in a named city needs the city's name."));
        }

        var existing = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.JointBodyId == session.JointBodyId && s.Number == number, ct);
        var planIds = db.ActionPlans.Where(p => p.SessionId == sessionId).Select(p => (Guid?)p.Id);
        var carriedAlready = db.ActionItems.Where(i => i.CarriedFromId != null).Select(i => i.CarriedFromId);
        var open = (await db.ActionItems.Include(i => i.Owners).Include(i => i.Agreements)
            .Where(i => planIds.Contains(i.ActionPlanId) && !carriedAlready.Contains(i.Id)).OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct))
            .Where(i => i.IsOpen).ToList();
        if (existing is not null && (open.Count == 0 || request.PlaceKind is not null || request.PlaceName is not null))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "number", $"Session {number} of this body already exists.", number));
        }

        checks.ThrowIfAny();

        var next = existing ?? new Session { JointBodyId = session.JointBodyId, Number = number, PlaceKind = placeKind, PlaceName = placeName };
        if (existing is null)
        {
            db.Sessions.Add(next);

            // What the concluded session decided of the next, unless it was recorded already: its statement says this.
            var decided = await db.Sessions.FirstAsync(s => s.Id == sessionId, ct);
            if (decided.NextPlaceKind is null)
            {
                decided.NextPlaceKind = placeKind;
                decided.NextPlaceName = placeName;
            }
        }

        Guid? planId = null;
        if (open.Count > 0)
        {
            // The draft plan the first proposal carried items into, when there is one.
            var previousItems = db.ActionItems.Where(o => planIds.Contains(o.ActionPlanId)).Select(o => (Guid?)o.Id);
            var carriedTo = existing is null ? null : await db.ActionItems.Where(i => previousItems.Contains(i.CarriedFromId)).Select(i => i.ActionPlanId)
                .Where(p => db.ActionPlans.Any(x => x.Id == p && x.SessionId == next.Id && x.Status == ActionPlanStatus.Draft)).FirstOrDefaultAsync(ct);
            if (carriedTo is { } plan)
            {
                planId = plan;
            }
            else
            {
                var created = new ActionPlan
                {
                    JointBodyId = session.JointBodyId,
                    SessionId = next.Id,
                    Title = new BilingualText(
                        $"خطة عمل الدورة {number}: بنود مرحّلة من الدورة {session.Number}",
                        $"Action plan of session {number}: items carried forward from session {session.Number}"),
                };
                db.ActionPlans.Add(created);
                planId = created.Id;
            }

            db.ActionItems.AddRange(open.Select(i => i.CarryForward(planId.Value)));
        }

        await db.SaveChangesAsync(ct);
        return (new NextSessionResponse(await sessions.GetAsync(next.Id, ct), planId, open.Count), existing is null);
    }
}
