using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>Whether a record named by type and id exists (in a given joint body), for notes and claims that point at records.</summary>
public static class RecordTargets
{
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
