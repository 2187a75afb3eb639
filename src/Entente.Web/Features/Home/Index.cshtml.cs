using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Home;

public sealed record MyBody(Guid Id, TextDto Name, JointBodyKind Kind, MemberRole? Role);

public sealed record MyItem(Guid Id, Guid JointBodyId, TextDto Title, TextDto Track, DateOnly? DueOn, ActionItemStatus Status, Visibility Visibility);

/// <summary>Home: the joint bodies the reader works in, and the open action items that fall to them, soonest due first.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : EntentePage
{
    private static readonly ActionItemStatus[] Open = [ActionItemStatus.NotStarted, ActionItemStatus.InProgress, ActionItemStatus.Blocked];

    public IReadOnlyList<MyBody> Bodies { get; private set; } = [];

    public IReadOnlyList<MyItem> Items { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var accountId = EntenteClaims.AccountOf(User);
        var roles = await db.Memberships.AsNoTracking().Where(m => m.AccountId == accountId)
            .Select(m => new { m.JointBodyId, m.Role, Tracks = m.Tracks.Select(t => t.TrackId).ToList() }).ToListAsync(ct);
        var administrator = User.HasClaim(EntenteClaims.Administrator, "true");
        var bodyIds = roles.Select(r => r.JointBodyId).ToList();
        var bodies = await db.JointBodies.AsNoTracking().Where(b => administrator || bodyIds.Contains(b.Id))
            .OrderBy(b => b.Name.En).Select(b => new { b.Id, Name = new TextDto(b.Name.Ar, b.Name.En), b.Kind }).ToListAsync(ct);
        // The bodies the reader has a role in first: an administrator sees every body, but works in a few.
        Bodies = [.. bodies.OrderBy(b => !bodyIds.Contains(b.Id)).Select(b => new MyBody(b.Id, b.Name, b.Kind, roles.Where(r => r.JointBodyId == b.Id).Select(r => (MemberRole?)r.Role).Max()))];

        // A track lead's items are those of their tracks; the other roles see every open item of their bodies.
        var leadBodies = roles.Where(r => r.Role == MemberRole.TrackLead).Select(r => r.JointBodyId).ToList();
        var fullBodies = roles.Where(r => r.Role != MemberRole.TrackLead).Select(r => r.JointBodyId).ToList();
        var leadTracks = roles.Where(r => r.Role == MemberRole.TrackLead).SelectMany(r => r.Tracks).ToList();
        Items = await db.ActionItems.AsNoTracking()
            .Where(i => Open.Contains(i.Status) && (fullBodies.Contains(i.JointBodyId) || (leadBodies.Contains(i.JointBodyId) && leadTracks.Contains(i.TrackId))))
            .OrderBy(i => i.DueOn == null).ThenBy(i => i.DueOn).ThenBy(i => i.Id).Take(25)
            .Select(i => new MyItem(i.Id, i.JointBodyId, new TextDto(i.Title.Ar, i.Title.En),
                db.Tracks.Where(t => t.Id == i.TrackId).Select(t => new TextDto(t.Name.Ar, t.Name.En)).First(), i.DueOn, i.Status, i.Visibility))
            .ToListAsync(ct);
        if (Bodies.Count == 1)
        {
            ViewData["BodyId"] = Bodies[0].Id;
        }
    }
}
