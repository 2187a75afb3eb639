using Entente.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Entente.Data;

/// <summary>A write the actor may not make; nothing was saved.</summary>
/// <param name="message">Why, in English.</param>
/// <param name="field">The field whose change is refused, when one is (<c>visibility</c>), else empty.</param>
/// <param name="code">The stable code of the refusal: <c>forbidden</c>, or a rule's own (<c>stays-joint</c>).</param>
public sealed class WriteForbiddenException(string message, string field = "", string code = "forbidden") : Exception(message)
{
    public string Field { get; } = field;

    public string Code { get; } = code;
}

/// <summary>
/// The one choke point that decides who may write what, run on every save before anything is
/// written: viewers write nothing; track leads write the action items, obstacles and progress
/// updates of their tracks, and notes (the discussion beside a record) in their own name; secretariats and co-chairs write their body's records; a national
/// record is written only by its own party, and a progress update only in the name of the
/// writer's party; a person is changed by the secretariats of the person's own party; instance
/// administrators set up parties, people, joint bodies, their sessions and tracks, and
/// memberships. A changed row is judged twice, <b>as it was and as it will be</b>, so that
/// moving a record into one's own track, body or party is not a way to take it over; and a
/// joint record never becomes national (ADR 0007). Rows that belong to a record (co-chairs,
/// owners, values) change only with their record, which is checked.
/// </summary>
internal static class WriteRules
{
    private sealed record Role(Guid JointBodyId, MemberRole MemberRole, List<Guid> Tracks);

    public static async Task CheckAsync(AppDbContext db, List<EntityEntry> changes, IAuditActor actor, IReadOnlySet<object> derived, CancellationToken ct)
    {
        if (actor.IsSystem || changes.Count == 0)
        {
            return;
        }

        var roles = await RolesAsync(db, actor, ct);
        foreach (var change in changes.Where(c => !derived.Contains(c.Entity)))
        {
            RefuseMoves(change);
            foreach (var record in AsItWasAndWillBe(change))
            {
                if (await RefusalAsync(db, record, change.State, actor, roles, ct) is { } refusal)
                {
                    throw new WriteForbiddenException(refusal);
                }
            }
        }
    }

    /// <summary>
    /// Refuses, before any of a request's own rules are checked, a change of <paramref name="record"/>
    /// (as it is stored now) that the actor may not make: a viewer learns nothing of a record's state from
    /// the rules its request would have broken.
    /// </summary>
    public static async Task CheckChangeAsync(AppDbContext db, object record, IAuditActor actor, CancellationToken ct)
    {
        if (actor.IsSystem)
        {
            return;
        }

        if (await RefusalAsync(db, record, EntityState.Modified, actor, await RolesAsync(db, actor, ct), ct) is { } refusal)
        {
            throw new WriteForbiddenException(refusal);
        }
    }

    private static async Task<List<Role>> RolesAsync(AppDbContext db, IAuditActor actor, CancellationToken ct)
    {
        if (actor.AccountId is null || actor.PartyId is null)
        {
            throw new WriteForbiddenException("Sign in to change records.");
        }

        return await db.Memberships.AsNoTracking().Where(m => m.AccountId == actor.AccountId)
            .Select(m => new Role(m.JointBodyId, m.Role, m.Tracks.Select(t => t.TrackId).ToList()))
            .ToListAsync(ct);
    }

    /// <summary>A new row as it will be; a changed row as it was (its original values) and as it will be; a removed row as it was.</summary>
    private static IEnumerable<object> AsItWasAndWillBe(EntityEntry change) => change.State switch
    {
        EntityState.Added => [change.Entity],
        EntityState.Deleted => [change.OriginalValues.ToObject()],
        _ => [change.OriginalValues.ToObject(), change.Entity],
    };

    /// <summary>Changes no role may make: a joint record made national, a record moved to another joint body.</summary>
    private static void RefuseMoves(EntityEntry change)
    {
        if (change.State != EntityState.Modified)
        {
            return;
        }

        if (change.Entity is BodyRecord && Equals(change.Property(nameof(BodyRecord.Visibility)).OriginalValue, Visibility.Joint)
            && Equals(change.Property(nameof(BodyRecord.Visibility)).CurrentValue, Visibility.National))
        {
            throw new WriteForbiddenException("A joint record stays joint: what both parties have seen is not withdrawn from one of them.", "visibility", RuleCodes.StaysJoint);
        }

        if (change.Metadata.FindProperty(nameof(BodyRecord.JointBodyId)) is { } body && !Equals(change.Property(body.Name).OriginalValue, change.Property(body.Name).CurrentValue))
        {
            throw new WriteForbiddenException("A record stays in its joint body.", "jointBodyId", RuleCodes.Immutable);
        }
    }

    private static async Task<string?> RefusalAsync(AppDbContext db, object entity, EntityState state, IAuditActor actor, List<Role> roles, CancellationToken ct)
    {
        bool Writes(Guid bodyId) => roles.Any(r => r.JointBodyId == bodyId && r.MemberRole is MemberRole.Secretariat or MemberRole.CoChair);
        bool LeadsTrack(Guid bodyId, Guid? trackId) => trackId is not null && roles.Any(r => r.JointBodyId == bodyId && r.MemberRole == MemberRole.TrackLead && r.Tracks.Contains(trackId.Value));
        var anySecretariat = roles.Any(r => r.MemberRole is MemberRole.Secretariat or MemberRole.CoChair);

        if (entity is IHasVisibility { Visibility: Visibility.National } national && national.OwnerPartyId != actor.PartyId)
        {
            return "A national record is written only by its own party.";
        }

        return entity switch
        {
            Account account => account.Id == actor.AccountId || (actor.IsAdministrator && account.PartyId == actor.PartyId) ? null : AccountRule,
            IdentityUserToken<Guid> t => await OwnAccountAsync(db, actor, t.UserId, ct),
            IdentityUserLogin<Guid> l => await OwnAccountAsync(db, actor, l.UserId, ct),
            IdentityUserClaim<Guid> c => await OwnAccountAsync(db, actor, c.UserId, ct),
            IdentityUserPasskey<Guid> p => await OwnAccountAsync(db, actor, p.UserId, ct),
            ApiToken token => token.AccountId == actor.AccountId ? null : "An API token is managed by its own account (deactivating the account ends them all).",
            Party or Institution => actor.IsAdministrator ? null : "Only an administrator manages parties and institutions.",
            Membership membership => await RefuseMembershipAsync(db, actor, membership, Writes, ct),
            MembershipTrack track => await MembershipOfAsync(db, track.MembershipId, ct) is { } owner ? await RefuseMembershipAsync(db, actor, owner, Writes, ct) : MembershipRule,
            Person person => RefusePerson(actor, anySecretariat, state, person.PartyId),
            PersonName name => await RefusePersonRowAsync(db, actor, anySecretariat, name.PersonId, ct),
            PersonTitle title => await RefusePersonRowAsync(db, actor, anySecretariat, title.PersonId, ct),
            PersonHonorific honorific => await RefusePersonRowAsync(db, actor, anySecretariat, honorific.PersonId, ct),
            JointBodyNameVariant variant => actor.IsAdministrator || Writes(variant.JointBodyId) ? null : "Only an administrator or the body's secretariat changes a joint body.",
            JointBody body => actor.IsAdministrator || (state != EntityState.Added && Writes(body.Id)) ? null : "Only an administrator or the body's secretariat changes a joint body.",
            JointBodyMember member => !actor.IsAdministrator ? "Only an administrator changes which parties a joint body has."
                : state == EntityState.Deleted && member.PartyId != actor.PartyId ? "A party leaves a joint body only by its own administrator: no party removes another." : null,
            Session session => actor.IsAdministrator || Writes(session.JointBodyId) ? null : "Only the body's secretariat or co-chairs change its sessions.",
            Track track => actor.IsAdministrator || Writes(track.JointBodyId) ? null : "Only the body's secretariat or co-chairs change its tracks.",
            Source { JointBodyId: null } or Claim { JointBodyId: null } => actor.IsAdministrator || anySecretariat ? null : "Only an administrator or a secretariat records sources.",
            Source source => actor.IsAdministrator || Writes(source.JointBodyId!.Value) ? null : "Only the body's secretariat records its sources.",
            Claim claim => actor.IsAdministrator || Writes(claim.JointBodyId!.Value) ? null : "Only the body's secretariat records its sources.",
            ActionItem item => Writes(item.JointBodyId) || LeadsTrack(item.JointBodyId, item.TrackId) ? null : "Only the body's secretariat, co-chairs or the track's lead change this action item.",
            Obstacle obstacle => Writes(obstacle.JointBodyId) || LeadsTrack(obstacle.JointBodyId, obstacle.TrackId ?? await TrackOfItemAsync(db, obstacle.ActionItemId, ct)) ? null : "Only the body's secretariat, co-chairs or the track's lead change this obstacle.",
            ProgressUpdate update => await RefuseUpdateAsync(db, update, actor, Writes, LeadsTrack, ct),
            ActionPlan plan => Writes(plan.JointBodyId) ? null : "Only the body's secretariat or co-chairs change its action plans.",
            JointStatement statement => Writes(statement.JointBodyId) ? null : "Only the body's secretariat or co-chairs write its joint statements.",
            StatementApproval approval => await RefuseApprovalAsync(db, approval, state, actor, Writes, ct),
            MinutesApproval approval => await RefuseMinutesApprovalAsync(db, approval, state, actor, Writes, ct),
            AgendaOutcome outcome => await AgendaBodyAsync(db, outcome.AgendaItemId, ct) is { } outcomeBody && Writes(outcomeBody) ? null : "Only the body's secretariat or co-chairs record the outcomes of its minutes.",
            PlanSignature signature => state switch
            {
                EntityState.Added => signature.AccountId == actor.AccountId && signature.PartyId == actor.PartyId && roles.Any(r => r.JointBodyId == signature.JointBodyId && r.MemberRole == MemberRole.CoChair)
                    ? null : "A plan is signed only by a co-chair of its body, in their own name and for their own party.",
                EntityState.Deleted => Writes(signature.JointBodyId) ? null : "Only the body's secretariat or co-chairs withdraw signatures, by returning the plan to draft.",
                _ => "A signature never changes.",
            },
            SigningKey { Kind: SigningKeyKind.Authority } => "The signing authority's key is made by the program itself.",
            SigningKey key => state == EntityState.Added && key.AccountId == actor.AccountId && roles.Any(r => r.JointBodyId == key.JointBodyId && r.MemberRole == MemberRole.CoChair)
                ? null : "A signing key is made only for a co-chair, when they first sign.",
            Note note => !(Writes(note.JointBodyId) || roles.Any(r => r.JointBodyId == note.JointBodyId && r.MemberRole == MemberRole.TrackLead))
                    ? "Only the body's secretariat, co-chairs and track leads write notes."
                    : state == EntityState.Added ? (note.AuthorId == actor.AccountId ? null : "A note is written in its author's own name.")
                    : note.AuthorId is { } author ? (author == actor.AccountId ? null : "Only its author changes a note; answer it with a note of your own.")
                    : Writes(note.JointBodyId) ? null : "Only the body's secretariat or co-chairs change its notes.",
            DocumentVersion version => await RefuseDocumentRowAsync(db, version.DocumentId, actor, Writes, ct),
            DocumentContent content => await RefuseDocumentRowAsync(db, content.DocumentId, actor, Writes, ct),
            BodyRecord record => Writes(record.JointBodyId) ? null : "Only the body's secretariat or co-chairs change its records.",
            _ => null,
        };
    }

    private const string MembershipRule = "A role in a joint body is given to a party's people by that party alone: by its administrator, or by its secretariat in the body for viewers and track leads.";

    /// <summary>
    /// Only the account's own party gives it a role: an administrator of that party any role, a secretariat or co-chair of
    /// the body the roles of viewer and track lead (judged as it was and as it will be: no one raises a role to
    /// secretariat without being an administrator, and no one, administrators included, touches the other party's people).
    /// </summary>
    private static async Task<string?> RefuseMembershipAsync(AppDbContext db, IAuditActor actor, Membership membership, Func<Guid, bool> writes, CancellationToken ct)
    {
        var party = await db.Users.AsNoTracking().Where(a => a.Id == membership.AccountId).Select(a => (Guid?)a.PartyId).FirstOrDefaultAsync(ct);
        if (party != actor.PartyId)
        {
            return MembershipRule;
        }

        return actor.IsAdministrator || (writes(membership.JointBodyId) && membership.Role is MemberRole.Viewer or MemberRole.TrackLead) ? null : MembershipRule;
    }

    private static async Task<Membership?> MembershipOfAsync(AppDbContext db, Guid membershipId, CancellationToken ct) =>
        db.ChangeTracker.Entries<Membership>().FirstOrDefault(e => e.Entity.Id == membershipId)?.Entity
            ?? await db.Memberships.AsNoTracking().FirstOrDefaultAsync(m => m.Id == membershipId, ct);

    /// <summary>An account is changed by itself or by an administrator of its own party: no party's administrator makes, wakes or takes over another party's people.</summary>
    private const string AccountRule = "An account is managed by its own person or an administrator of its own party.";

    private static async Task<string?> OwnAccountAsync(AppDbContext db, IAuditActor actor, Guid userId, CancellationToken ct)
    {
        if (userId == actor.AccountId)
        {
            return null;
        }

        if (!actor.IsAdministrator)
        {
            return AccountRule;
        }

        var party = db.ChangeTracker.Entries<Account>().FirstOrDefault(e => e.Entity.Id == userId)?.Entity.PartyId
            ?? await db.Users.AsNoTracking().Where(a => a.Id == userId).Select(a => (Guid?)a.PartyId).FirstOrDefaultAsync(ct);
        return party == actor.PartyId ? null : AccountRule;
    }

    /// <summary>
    /// A secretariat records anyone (the other side's minister who attended included); once recorded, a person is the
    /// business of the secretariats of the person's own party (a person of no known party, of any secretariat).
    /// </summary>
    private static string? RefusePerson(IAuditActor actor, bool anySecretariat, EntityState state, Guid? partyId) =>
        actor.IsAdministrator || (anySecretariat && (state == EntityState.Added || partyId is null || partyId == actor.PartyId))
            ? null
            : "A person is changed by an administrator or a secretariat of the person's own party; propose the change to that party.";

    private static async Task<string?> RefusePersonRowAsync(AppDbContext db, IAuditActor actor, bool anySecretariat, Guid personId, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries<Person>().FirstOrDefault(e => e.Entity.Id == personId) is { } tracked)
        {
            return tracked.State == EntityState.Added
                ? RefusePerson(actor, anySecretariat, EntityState.Added, tracked.Entity.PartyId)
                : RefusePerson(actor, anySecretariat, EntityState.Modified, (Guid?)tracked.Property(nameof(Person.PartyId)).OriginalValue)
                    ?? RefusePerson(actor, anySecretariat, EntityState.Modified, tracked.Entity.PartyId);
        }

        var stored = await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.PartyId }).FirstOrDefaultAsync(ct);
        return RefusePerson(actor, anySecretariat, stored is null ? EntityState.Added : EntityState.Modified, stored?.PartyId);
    }

    private static async Task<string?> RefuseUpdateAsync(AppDbContext db, ProgressUpdate update, IAuditActor actor, Func<Guid, bool> writes, Func<Guid, Guid?, bool> leads, CancellationToken ct)
    {
        if (update.PartyId != actor.PartyId)
        {
            return "A progress update is reported in the name of the writer's own party.";
        }

        var item = await db.ActionItems.AsNoTracking().Where(i => i.Id == update.ActionItemId).Select(i => new { i.JointBodyId, i.TrackId }).FirstOrDefaultAsync(ct);
        return item is not null && (writes(item.JointBodyId) || leads(item.JointBodyId, item.TrackId)) ? null : "Only the body's secretariat, co-chairs or the track's lead report progress on this item.";
    }

    private static async Task<string?> RefuseApprovalAsync(AppDbContext db, StatementApproval approval, EntityState state, IAuditActor actor, Func<Guid, bool> writes, CancellationToken ct)
    {
        var bodyId = db.ChangeTracker.Entries<JointStatement>().Select(e => e.Entity).FirstOrDefault(s => s.Id == approval.StatementId)?.JointBodyId
            ?? await db.JointStatements.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id == approval.StatementId).Select(s => (Guid?)s.JointBodyId).FirstOrDefaultAsync(ct);
        if (bodyId is null || !writes(bodyId.Value))
        {
            return "Only the body's secretariat or co-chairs approve its joint statements.";
        }

        return state == EntityState.Added && (approval.PartyId != actor.PartyId || approval.AccountId != actor.AccountId)
            ? "A statement is approved only in the name of the approver's own party."
            : null;
    }

    private static async Task<string?> RefuseMinutesApprovalAsync(AppDbContext db, MinutesApproval approval, EntityState state, IAuditActor actor, Func<Guid, bool> writes, CancellationToken ct)
    {
        if (await AgendaBodyAsync(db, approval.AgendaItemId, ct) is not { } bodyId || !writes(bodyId))
        {
            return "Only the body's secretariat or co-chairs approve minutes.";
        }

        return state == EntityState.Added && (approval.PartyId != actor.PartyId || approval.AccountId != actor.AccountId)
            ? "Minutes are approved only in the name of the approver's own party."
            : null;
    }

    /// <summary>A document's versions and their bytes are written by whoever may write the document (its body's secretariat, its own party when national).</summary>
    private static async Task<string?> RefuseDocumentRowAsync(AppDbContext db, Guid documentId, IAuditActor actor, Func<Guid, bool> writes, CancellationToken ct)
    {
        var document = db.ChangeTracker.Entries<Document>().Select(e => e.Entity).FirstOrDefault(d => d.Id == documentId)
            ?? await db.Documents.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || !writes(document.JointBodyId))
        {
            return "Only the body's secretariat or co-chairs add versions of its documents.";
        }

        return document.Visibility == Visibility.National && document.OwnerPartyId != actor.PartyId ? "A national record is written only by its own party." : null;
    }

    private static async Task<Guid?> AgendaBodyAsync(AppDbContext db, Guid agendaItemId, CancellationToken ct) =>
        db.ChangeTracker.Entries<AgendaItem>().Select(e => e.Entity).FirstOrDefault(a => a.Id == agendaItemId)?.JointBodyId
            ?? await db.AgendaItems.AsNoTracking().Where(a => a.Id == agendaItemId).Select(a => (Guid?)a.JointBodyId).FirstOrDefaultAsync(ct);

    private static async Task<Guid?> TrackOfItemAsync(AppDbContext db, Guid? itemId, CancellationToken ct) =>
        itemId is null ? null : await db.ActionItems.AsNoTracking().Where(i => i.Id == itemId).Select(i => (Guid?)i.TrackId).FirstOrDefaultAsync(ct);
}
