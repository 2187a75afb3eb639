using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>The joint body and visibility of a record that a note or claim points at.</summary>
public sealed record RecordScope(Guid? JointBodyId, Visibility Visibility, Guid? OwnerPartyId);

/// <summary>Whether a record named by type and id exists (in a given joint body), for notes and claims that point at records.</summary>
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

    public static Task<bool> ExistsAsync(AppDbContext db, RecordType type, Guid id, Guid? bodyId, CancellationToken ct) => type switch
    {
        RecordType.JointBody => db.JointBodies.AnyAsync(r => r.Id == id && (bodyId == null || r.Id == bodyId), ct),
        RecordType.Session => db.Sessions.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Meeting => db.Meetings.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Track => db.Tracks.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Agreement => db.Agreements.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.ActionItem => db.ActionItems.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Obstacle => db.Obstacles.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Indicator => db.Indicators.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Engagement => db.Engagements.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Document => db.Documents.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.ActionPlan => db.ActionPlans.AnyAsync(r => r.Id == id && (bodyId == null || r.JointBodyId == bodyId), ct),
        RecordType.Person => db.People.AnyAsync(r => r.Id == id, ct),
        RecordType.IndicatorValue => db.IndicatorValues.AnyAsync(v => v.Id == id && (bodyId == null || db.Indicators.Any(i => i.Id == v.IndicatorId && i.JointBodyId == bodyId)), ct),
        _ => Task.FromResult(false),
    };
}
