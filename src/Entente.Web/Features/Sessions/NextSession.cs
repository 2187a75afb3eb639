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
/// </summary>
public sealed class NextSessionHandler(AppDbContext db, SessionsHandler sessions)
{
    public async Task<NextSessionResponse> ProposeAsync(Guid sessionId, NextSessionRequest request, CancellationToken ct)
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
        if (await db.Sessions.IgnoreQueryFilters().AnyAsync(s => s.JointBodyId == session.JointBodyId && s.Number == number, ct))
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "number", $"Session {number} of this body already exists.", number));
        }

        var placeKind = checks.Enum<PlaceKind>(request.PlaceKind, "placeKind") ?? PlaceKind.OneOfTheCapitals;
        var placeName = checks.OptionalText(request.PlaceName, "placeName", BilingualText.MaxTitleLength);
        if (placeKind == PlaceKind.City && placeName is null)
        {
            checks.Add(new RuleError(RuleCodes.Required, "placeName", "A session in a named city needs the city's name."));
        }

        checks.ThrowIfAny();

        var next = new Session { JointBodyId = session.JointBodyId, Number = number, PlaceKind = placeKind, PlaceName = placeName };
        db.Sessions.Add(next);
        var planIds = db.ActionPlans.Where(p => p.SessionId == sessionId).Select(p => (Guid?)p.Id);
        var open = await db.ActionItems.Include(i => i.Owners).Include(i => i.Agreements)
            .Where(i => planIds.Contains(i.ActionPlanId)).OrderBy(i => i.DueOn).ThenBy(i => i.Id).ToListAsync(ct);
        open = [.. open.Where(i => i.IsOpen)];
        Guid? planId = null;
        if (open.Count > 0)
        {
            var plan = new ActionPlan
            {
                JointBodyId = session.JointBodyId,
                SessionId = next.Id,
                Title = new BilingualText(
                    $"خطة عمل الدورة {number}: بنود مرحّلة من الدورة {session.Number}",
                    $"Action plan of session {number}: items carried forward from session {session.Number}"),
            };
            db.ActionPlans.Add(plan);
            db.ActionItems.AddRange(open.Select(i => i.CarryForward(plan.Id)));
            planId = plan.Id;
        }

        await db.SaveChangesAsync(ct);
        return new NextSessionResponse(await sessions.GetAsync(next.Id, ct), planId, open.Count);
    }
}
