using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>The joint body and visibility of a record that a note or claim points at.</summary>
public sealed record RecordScope(Guid? JointBodyId, Visibility Visibility, Guid? OwnerPartyId);

/// <summary>The records notes and claims point at: whether the caller can see one, and in which body and visibility.</summary>
public static class RecordTargets
{
    /// <summary>The scope of a record the caller can see, or null when there is none (another party's national record included).</summary>
    public static async Task<RecordScope?> ScopeAsync(AppDbContext db, RecordType type, Guid id, CancellationToken ct) => type switch
    {
        RecordType.JointBody => await db.JointBodies.Where(r => r.Id == id).Select(r => new RecordScope(r.Id, Visibility.Joint, null)).FirstOrDefaultAsync(ct),
        RecordType.Session => await db.Sessions.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct),
        RecordType.Track => await db.Tracks.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct),
        RecordType.ActionPlan => await db.ActionPlans.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, Visibility.Joint, null)).FirstOrDefaultAsync(ct),
        RecordType.Meeting => await Of(db.Meetings, id, ct),
        RecordType.Agreement => await Of(db.Agreements, id, ct),
        RecordType.ActionItem => await Of(db.ActionItems, id, ct),
        RecordType.Obstacle => await Of(db.Obstacles, id, ct),
        RecordType.Indicator => await Of(db.Indicators, id, ct),
        RecordType.Engagement => await Of(db.Engagements, id, ct),
        RecordType.Document => await Of(db.Documents, id, ct),
        RecordType.IndicatorValue => await db.Indicators.Where(i => i.Values.Any(v => v.Id == id)).Select(r => new RecordScope(r.JointBodyId, r.Visibility, r.OwnerPartyId)).FirstOrDefaultAsync(ct),
        RecordType.Person => await db.People.AnyAsync(r => r.Id == id, ct) ? new RecordScope(null, Visibility.Joint, null) : null,
        _ => null,
    };

    private static Task<RecordScope?> Of<T>(IQueryable<T> records, Guid id, CancellationToken ct)
        where T : BodyRecord =>
        records.Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, r.Visibility, r.OwnerPartyId)).FirstOrDefaultAsync(ct)!;
}
