using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Members;

/// <param name="JointBodyId">The body; a membership stays in its body.</param>
/// <param name="AccountId">The account given the role; its party must be one of the body's. A membership stays with its account.</param>
/// <param name="Role">viewer, track-lead, secretariat or co-chair.</param>
/// <param name="TrackIds">The tracks of the body a track lead answers for; none for the other roles.</param>
public sealed record MemberRequest(Guid? JointBodyId, Guid? AccountId, string? Role, Guid[]? TrackIds);

/// <param name="Email">The account's address: shown to its own party only.</param>
/// <param name="Active">Whether the account may sign in: shown to its own party only (null for the other's).</param>
public sealed record MemberResponse(Guid Id, long Version, Guid JointBodyId, Guid AccountId, string? DisplayName, string? Email, Guid PartyId, MemberRole Role, IReadOnlyList<Guid> TrackIds, bool? Active) : IVersioned;

/// <summary>
/// Who works in a joint body and in which role. Only an account's own party gives it a role: its administrator any
/// role, its secretariat or co-chair in the body the roles of viewer and track lead (the data layer's write rules
/// decide, ADR 0007). A role opens the body's joint records and its own party's national ones, never another party's.
/// Giving a role that needs a second factor to an account without one ends its sessions and tokens, so that it
/// signs in again through the enrolment.
/// </summary>
public sealed class MembersHandler(AppDbContext db, IAuditActor actor, UserManager<Account> users, TimeProvider clock)
{
    /// <summary>The memberships of the bodies the reader sees (of one body, of one account), the highest roles first.</summary>
    public async Task<PageOf<MemberResponse>> ListAsync(Guid? bodyId, Guid? accountId, Paging paging, CancellationToken ct)
    {
        var query = db.Memberships.Where(m => db.JointBodies.Any(b => b.Id == m.JointBodyId));
        if (bodyId is { } body)
        {
            query = query.Where(m => m.JointBodyId == body);
        }

        if (accountId is { } account)
        {
            query = query.Where(m => m.AccountId == account);
        }

        var total = await query.CountAsync(ct);
        var items = await Query(query.OrderBy(m => m.JointBodyId).ThenByDescending(m => m.Role).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PageOf<MemberResponse>(items, total, paging.Page, paging.PageSize);
    }

    public async Task<MemberResponse> GetAsync(Guid id, CancellationToken ct)
    {
        var member = await Query(db.Memberships.Where(m => m.Id == id)).FirstOrDefaultAsync(ct);
        return member is not null && await db.JointBodies.AnyAsync(b => b.Id == member.JointBodyId, ct)
            ? member
            : throw new ApiErrorException(new ApiError.NotFound("membership", id));
    }

    public async Task<MemberResponse> CreateAsync(MemberRequest request, CancellationToken ct)
    {
        var bodyId = request.JointBodyId ?? throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Required, "jointBodyId", "'jointBodyId' is required.")]));
        var parties = await BodyAsync(bodyId, ct);
        await EnsureMayGiveRolesAsync(bodyId, ct);
        var membership = new Membership { JointBodyId = bodyId };
        await ApplyAsync(membership, request, parties, isNew: true, ct);
        await Crud.CreateAsync(db, membership, ct);
        await SecureIfRaisedAsync(membership, ct);
        return await GetAsync(membership.Id, ct);
    }

    public async Task<MemberResponse> UpdateAsync(long expectedVersion, Guid id, MemberRequest request, CancellationToken ct)
    {
        var bodyId = (await GetAsync(id, ct)).JointBodyId;
        var parties = await BodyAsync(bodyId, ct);
        Membership? changed = null;
        await Crud.UpdateAsync(db, expectedVersion, db.Memberships.Include(m => m.Tracks), id, "membership", m => { changed = m; return ApplyAsync(m, request, parties, isNew: false, ct); }, ct);
        await SecureIfRaisedAsync(changed!, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Ends a membership: the account no longer works in the body (its records stay, with their history).</summary>
    public async Task RemoveAsync(long expectedVersion, Guid id, CancellationToken ct)
    {
        await GetAsync(id, ct);
        var membership = await db.Memberships.Include(m => m.Tracks).FirstAsync(m => m.Id == id, ct);
        await db.EnsureMayChangeAsync(membership, ct);
        Versions.EnsureVersion(membership, expectedVersion);
        db.Memberships.Remove(membership);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Only an administrator, or a secretariat or co-chair of the body, gives roles there: anyone else is refused before the request is looked at (403 first, so it learns nothing of accounts).</summary>
    private async Task EnsureMayGiveRolesAsync(Guid bodyId, CancellationToken ct)
    {
        if (actor.IsSystem || actor.IsAdministrator
            || await db.Memberships.AnyAsync(m => m.AccountId == actor.AccountId && m.JointBodyId == bodyId && (m.Role == MemberRole.Secretariat || m.Role == MemberRole.CoChair), ct))
        {
            return;
        }

        throw new ApiErrorException(new ApiError.Forbidden("Only an administrator, or the body's secretariat or co-chairs, give roles in a joint body."));
    }

    /// <summary>A role that needs a second factor, given to an account without one: its sessions end and its tokens stop, so its next sign-in goes through the enrolment.</summary>
    private async Task SecureIfRaisedAsync(Membership membership, CancellationToken ct)
    {
        if (membership.Role is not (MemberRole.Secretariat or MemberRole.CoChair))
        {
            return;
        }

        var account = await db.Users.FirstAsync(a => a.Id == membership.AccountId, ct);
        if (await users.GetTwoFactorEnabledAsync(account) || (await users.GetPasskeysAsync(account)).Count > 0)
        {
            return;
        }

        account.TokensValidFrom = clock.GetUtcNow().UtcDateTime;
        await users.UpdateSecurityStampAsync(account);
    }

    private async Task ApplyAsync(Membership membership, MemberRequest request, IReadOnlyCollection<Guid> parties, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        if (!isNew && request.JointBodyId is { } body && body != membership.JointBodyId)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "jointBodyId", "A membership stays in its joint body: give the account a role in the other body."));
        }

        var role = checks.Enum<MemberRole>(request.Role, "role");
        if (request.Role is null)
        {
            checks.Add(new RuleError(RuleCodes.Required, "role", "'role' is required: viewer, track-lead, secretariat or co-chair."));
        }

        var accountId = request.AccountId ?? membership.AccountId;
        if (request.AccountId is null && isNew)
        {
            checks.Add(new RuleError(RuleCodes.Required, "accountId", "'accountId' is required."));
        }
        else if (!isNew && request.AccountId is { } other && other != membership.AccountId)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "accountId", "A membership stays with its account: end it and give the other account its own."));
        }
        else if (isNew)
        {
            var party = await db.Users.AsNoTracking().Where(a => a.Id == accountId).Select(a => (Guid?)a.PartyId).FirstOrDefaultAsync(ct);
            if (party is null)
            {
                checks.Add(new RuleError(RuleCodes.UnknownReference, "accountId", "No account has this id."));
            }
            else if (!parties.Contains(party.Value))
            {
                checks.Add(new RuleError(RuleCodes.NotAMember, "accountId", "The account's party is not a party of this joint body."));
            }
            else if (await db.Memberships.AnyAsync(m => m.AccountId == accountId && m.JointBodyId == membership.JointBodyId, ct))
            {
                checks.Add(new RuleError(RuleCodes.Duplicate, "accountId", "The account already has a role in this joint body: change that one."));
            }
        }

        var trackIds = (request.TrackIds ?? []).ToList();
        if (trackIds.Distinct().Count() != trackIds.Count)
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "trackIds", "A track is named twice."));
        }

        if (role == MemberRole.TrackLead && trackIds.Count == 0)
        {
            checks.Add(new RuleError(RuleCodes.Required, "trackIds", "A track lead answers for at least one track."));
        }
        else if (role is not null and not MemberRole.TrackLead && trackIds.Count > 0)
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, "trackIds", "Only a track lead's role names tracks: the other roles cover the whole body."));
        }

        var known = await db.Tracks.Where(t => t.JointBodyId == membership.JointBodyId && trackIds.Contains(t.Id)).Select(t => t.Id).ToListAsync(ct);
        foreach (var (track, i) in trackIds.Select((t, i) => (t, i)).Where(t => !known.Contains(t.t)))
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, $"trackIds[{i}]", "No track of this joint body has this id."));
        }

        checks.ThrowIfAny();
        membership.AccountId = accountId;
        membership.Role = role!.Value;
        membership.Tracks.RemoveAll(t => !trackIds.Contains(t.TrackId));
        membership.Tracks.AddRange(trackIds.Where(t => membership.Tracks.All(x => x.TrackId != t)).Select(t => new MembershipTrack { TrackId = t }));
    }

    /// <summary>The parties of a body the reader sees; none is a 422 under <c>jointBodyId</c>, as for any record naming a body.</summary>
    private async Task<IReadOnlyCollection<Guid>> BodyAsync(Guid bodyId, CancellationToken ct)
    {
        var parties = await db.JointBodies.Where(b => b.Id == bodyId).SelectMany(b => b.Members.Select(m => m.PartyId)).ToListAsync(ct);
        return parties.Count > 0 ? parties : throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.UnknownReference, "jointBodyId", "No joint body you can see has this id.")]));
    }

    private IQueryable<MemberResponse> Query(IQueryable<Membership> memberships)
    {
        var reader = actor.PartyId;
        return memberships.AsNoTracking().Join(db.Users, m => m.AccountId, a => a.Id, (m, a) => new MemberResponse(
            m.Id,
            m.Version,
            m.JointBodyId,
            a.Id,
            a.DisplayName,
            a.PartyId == reader ? a.Email : null,
            a.PartyId,
            m.Role,
            m.Tracks.Select(t => t.TrackId).ToList(),
            a.PartyId == reader ? a.DeactivatedAt == null : null));
    }
}

public static class MembersApi
{
    public static void MapMembersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/memberships", "Members");
        group.MapGet("/", async (Guid? jointBodyId, Guid? accountId, int? page, int? pageSize, MembersHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(jointBodyId, accountId, Paging.From(page, pageSize), ct)));
        group.MapPost("/", async (MemberRequest? request, MembersHandler h, HttpContext http, CancellationToken ct) =>
        {
            var created = await h.CreateAsync(Crud.RequireBody(request), ct);
            http.SetETag(created.Version);
            return TypedResults.Created($"/api/memberships/{created.Id}", created);
        });
        group.MapGet("/{id:guid}", async (Guid id, MembersHandler h, HttpContext http, CancellationToken ct) =>
        {
            var member = await h.GetAsync(id, ct);
            http.SetETag(member.Version);
            return TypedResults.Ok(member);
        });
        group.MapPut("/{id:guid}", async (Guid id, MemberRequest? request, MembersHandler h, HttpContext http, CancellationToken ct) =>
        {
            var member = await h.UpdateAsync(http.RequiredIfMatch(), id, Crud.RequireBody(request), ct);
            http.SetETag(member.Version);
            return TypedResults.Ok(member);
        });
        group.MapDelete("/{id:guid}", async (Guid id, MembersHandler h, HttpContext http, CancellationToken ct) =>
        {
            await h.RemoveAsync(http.RequiredIfMatch(), id, ct);
            return TypedResults.NoContent();
        });
    }
}
