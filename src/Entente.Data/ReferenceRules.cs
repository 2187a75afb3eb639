using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entente.Data;

/// <summary>
/// What a record may point at: a joint record names joint records only, and a national record
/// names joint records or national records of its own party. Otherwise the other party would read
/// the id of a record it cannot see (and a later save of the joint record would fail for it).
/// Checked on every save, for every actor (an integrity rule, not a role), over the model's foreign
/// keys to records of joint bodies and the records notes, claims and outcomes name by type and id.
/// </summary>
internal static class ReferenceRules
{
    /// <summary>The stored record types a <see cref="RecordType"/> names, for the references made by type and id.</summary>
    private static readonly Dictionary<RecordType, Type> Types = new()
    {
        [RecordType.Meeting] = typeof(Meeting),
        [RecordType.Agreement] = typeof(Agreement),
        [RecordType.ActionItem] = typeof(ActionItem),
        [RecordType.Obstacle] = typeof(Obstacle),
        [RecordType.Indicator] = typeof(Indicator),
        [RecordType.Engagement] = typeof(Engagement),
        [RecordType.Document] = typeof(Document),
        [RecordType.SessionPoint] = typeof(SessionPoint),
        [RecordType.AgendaItem] = typeof(AgendaItem),
    };

    /// <summary>The API field a session point's link of a type comes from.</summary>
    public static string LinkField(RecordType type) => type switch
    {
        RecordType.ActionItem => "actionItemIds",
        RecordType.Obstacle => "obstacleIds",
        RecordType.Agreement => "agreementIds",
        _ => "links",
    };

    public static async Task CheckAsync(AppDbContext db, List<EntityEntry> changes, CancellationToken ct)
    {
        var errors = new List<RuleError>();
        var tracked = new Lazy<Dictionary<(IEntityType, object), EntityEntry>>(() => TrackedByKey(db));
        foreach (var change in changes.Where(c => c.State is EntityState.Added or EntityState.Modified))
        {
            var scope = ScopeOf(db, tracked, change);
            var scopeChanged = change.State == EntityState.Modified && change.Entity is BodyRecord
                && (change.Property(nameof(BodyRecord.Visibility)).IsModified || change.Property(nameof(BodyRecord.OwnerPartyId)).IsModified);
            foreach (var (field, type, id, changed) in References(change))
            {
                if (id is not { } targetId || !(changed || scopeChanged || change.State == EntityState.Added))
                {
                    continue;
                }

                await CheckTargetAsync(db, scope, field, type, targetId, errors, ct);
            }
        }

        foreach (var shared in changes.Where(c => c.State == EntityState.Modified && c.Entity is BodyRecord
            && (c.Property(nameof(BodyRecord.Visibility)).IsModified || c.Property(nameof(BodyRecord.OwnerPartyId)).IsModified)))
        {
            await CheckRowsOfAsync(db, shared, errors, ct);
        }

        DomainRuleException.ThrowIfAny(errors);
    }

    /// <summary>
    /// When a record changes visibility, what its rows name must fit its new visibility too, though the save
    /// changes none of them (a shared item's links to agreements, a shared agenda item's outcomes): they are
    /// read as stored, beside the rows this save adds or removes.
    /// </summary>
    private static async Task CheckRowsOfAsync(AppDbContext db, EntityEntry shared, List<RuleError> errors, CancellationToken ct)
    {
        var record = (BodyRecord)shared.Entity;
        foreach (var holder in shared.Metadata.GetReferencingForeignKeys().Where(k => k.PrincipalToDependent is not null && k.Properties.Count == 1))
        {
            var rowType = holder.DeclaringEntityType;
            var list = char.ToLowerInvariant(holder.PrincipalToDependent!.Name[0]) + holder.PrincipalToDependent.Name[1..];
            var targets = new List<(string Field, Type Type, string Property)>();
            foreach (var key in rowType.GetForeignKeys().Where(k => k != holder && k.Properties.Count == 1 && typeof(BodyRecord).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
            {
                targets.Add((char.ToLowerInvariant(list[0]) + list[1..^1] + "Ids", key.PrincipalEntityType.ClrType, key.Properties[0].Name));
            }

            if (rowType.ClrType == typeof(AgendaOutcome))
            {
                var outcomes = await db.Set<AgendaOutcome>().IgnoreQueryFilters().AsNoTracking().Where(o => o.AgendaItemId == record.Id).Select(o => new { o.RecordType, o.RecordId }).ToListAsync(ct);
                foreach (var outcome in outcomes.Where(o => Types.ContainsKey(o.RecordType)))
                {
                    await CheckTargetAsync(db, record, list, Types[outcome.RecordType], outcome.RecordId, errors, ct);
                }
            }

            if (rowType.ClrType == typeof(SessionPointLink))
            {
                var links = await db.Set<SessionPointLink>().IgnoreQueryFilters().AsNoTracking().Where(l => l.SessionPointId == record.Id).Select(l => new { l.RecordType, l.RecordId }).ToListAsync(ct);
                foreach (var link in links.Where(l => Types.ContainsKey(l.RecordType)))
                {
                    await CheckTargetAsync(db, record, LinkField(link.RecordType), Types[link.RecordType], link.RecordId, errors, ct);
                }
            }

            foreach (var (field, type, property) in targets)
            {
                var read = typeof(ReferenceRules).GetMethod(nameof(StoredReferencesAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(rowType.ClrType);
                var ids = await (Task<List<Guid>>)read.Invoke(null, [db, holder.Properties[0].Name, record.Id, property, ct])!;
                var removed = db.ChangeTracker.Entries().Where(e => e.Metadata == rowType && e.State == EntityState.Deleted && Equals(e.Property(holder.Properties[0].Name).CurrentValue, record.Id))
                    .Select(e => e.Property(property).CurrentValue).OfType<Guid>().ToHashSet();
                foreach (var id in ids.Where(i => !removed.Contains(i)))
                {
                    await CheckTargetAsync(db, record, field, type, id, errors, ct);
                }
            }
        }
    }

    private static async Task CheckTargetAsync(AppDbContext db, IHasVisibility scope, string field, Type type, Guid targetId, List<RuleError> errors, CancellationToken ct)
    {
        var target = await TargetAsync(db, type, targetId, ct);
        if (target is { Visibility: Visibility.National } && (scope.Visibility != Visibility.National || scope.OwnerPartyId != target.OwnerPartyId)
            && !errors.Any(e => e.Field == field && Equals(e.Args.FirstOrDefault(), targetId)))
        {
            errors.Add(new RuleError(RuleCodes.NationalReference, field, $"'{field}' names a national record the other party cannot see: a joint record names joint records only.", targetId));
        }
    }

    private static async Task<List<Guid>> StoredReferencesAsync<TRow>(AppDbContext db, string parentProperty, Guid parentId, string referenceProperty, CancellationToken ct)
        where TRow : class
    {
        var rows = db.Set<TRow>().IgnoreQueryFilters().AsNoTracking().Where(r => EF.Property<Guid>(r, parentProperty) == parentId);
        return db.Model.FindEntityType(typeof(TRow))!.FindProperty(referenceProperty)!.ClrType == typeof(Guid)
            ? await rows.Select(r => EF.Property<Guid>(r, referenceProperty)).ToListAsync(ct)
            : (await rows.Select(r => EF.Property<Guid?>(r, referenceProperty)).ToListAsync(ct)).OfType<Guid>().ToList();
    }

    /// <summary>The visibility of the record a row is or belongs to (its parent through the collection that holds it); joint when it has none.</summary>
    private static IHasVisibility ScopeOf(AppDbContext db, Lazy<Dictionary<(IEntityType, object), EntityEntry>> tracked, EntityEntry change)
    {
        if (change.Entity is IHasVisibility own)
        {
            return own;
        }

        foreach (var key in ParentKeys(change.Metadata))
        {
            var values = key.Properties.Select(p => change.Property(p.Name).CurrentValue).ToArray();
            EntityEntry? parent;
            if (key.PrincipalKey.IsPrimaryKey() && values is [{ } value])
            {
                parent = tracked.Value.GetValueOrDefault((key.PrincipalEntityType, value));
            }
            else
            {
                parent = db.ChangeTracker.Entries()
                    .Where(e => e.Metadata == key.PrincipalEntityType)
                    .FirstOrDefault(e => key.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values));
            }

            if (parent?.Entity is IHasVisibility scoped)
            {
                return scoped;
            }
        }

        return Scope.Joint;
    }

    /// <summary>The tracked records by their (one-column) key, so that a save of many rows finds each row's record at once.</summary>
    private static Dictionary<(IEntityType, object), EntityEntry> TrackedByKey(AppDbContext db)
    {
        var byKey = new Dictionary<(IEntityType, object), EntityEntry>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.Metadata.FindPrimaryKey() is { Properties.Count: 1 } primary && entry.Property(primary.Properties[0].Name).CurrentValue is { } value)
            {
                byKey[(entry.Metadata, value)] = entry;
            }
        }

        return byKey;
    }

    /// <summary>
    /// The keys that tie a row to the record it belongs to: the collection of the record that holds it
    /// (an item's agreement links), or, for a row no collection holds, its required keys to records
    /// (a document's stored bytes). A record itself belongs to nothing: its keys are references.
    /// </summary>
    private static IEnumerable<IForeignKey> ParentKeys(IEntityType type)
    {
        if (typeof(Entity).IsAssignableFrom(type.ClrType))
        {
            return [];
        }

        var held = type.GetForeignKeys().Where(k => k.PrincipalToDependent is not null).ToList();
        return held.Count > 0 ? held : type.GetForeignKeys().Where(k => k.IsRequired && typeof(BodyRecord).IsAssignableFrom(k.PrincipalEntityType.ClrType));
    }

    /// <summary>Each reference the row makes: the API field it comes from, the record type, the id, and whether this save changes it.</summary>
    private static IEnumerable<(string Field, Type Type, Guid? Id, bool Changed)> References(EntityEntry change)
    {
        var parents = ParentKeys(change.Metadata).ToList();
        foreach (var key in change.Metadata.GetForeignKeys())
        {
            if (parents.Contains(key) || !typeof(BodyRecord).IsAssignableFrom(key.PrincipalEntityType.ClrType) || key.Properties is not [var property])
            {
                continue; // the row's own parent, or not a record of a joint body
            }

            var entry = change.Property(property.Name);
            yield return (FieldOf(change, property), key.PrincipalEntityType.ClrType, entry.CurrentValue as Guid?, change.State == EntityState.Modified && entry.IsModified && !Equals(entry.OriginalValue, entry.CurrentValue));
        }

        switch (change.Entity)
        {
            case Note note when Types.TryGetValue(note.TargetType, out var type):
                yield return ("targetId", type, note.TargetId, change.Property(nameof(Note.TargetId)).IsModified);
                break;
            case AgendaOutcome outcome when Types.TryGetValue(outcome.RecordType, out var type):
                yield return ("outcomes", type, outcome.RecordId, false);
                break;
            case SessionPointLink link when Types.TryGetValue(link.RecordType, out var type):
                yield return (LinkField(link.RecordType), type, link.RecordId, false);
                break;
        }
    }

    /// <summary>The API's name of the field a reference comes from: the property itself (<c>meetingId</c>), or, for a row of a list, the list's ids (<c>agreementIds</c>).</summary>
    private static string FieldOf(EntityEntry change, IProperty property)
    {
        var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
        var list = change.Metadata.GetForeignKeys().Select(k => k.PrincipalToDependent?.Name).FirstOrDefault(n => n is not null);
        return list is null ? name : char.ToLowerInvariant(list[0]) + list[1..^1] + "Ids";
    }

    private static async Task<IHasVisibility?> TargetAsync(AppDbContext db, Type type, Guid id, CancellationToken ct)
    {
        if (db.ChangeTracker.Entries().FirstOrDefault(e => e.Entity is BodyRecord r && r.Id == id && type.IsInstanceOfType(r)) is { Entity: BodyRecord tracked })
        {
            return tracked;
        }

        var method = typeof(ReferenceRules).GetMethod(nameof(StoredAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!.MakeGenericMethod(type);
        return await (Task<IHasVisibility?>)method.Invoke(null, [db, id, ct])!;
    }

    private static async Task<IHasVisibility?> StoredAsync<T>(AppDbContext db, Guid id, CancellationToken ct)
        where T : BodyRecord =>
        await db.Set<T>().IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == id)
            .Select(r => new Scope(r.Visibility, r.OwnerPartyId)).FirstOrDefaultAsync(ct);

    private sealed record Scope(Visibility Visibility, Guid? OwnerPartyId) : IHasVisibility
    {
        public static readonly Scope Joint = new(Visibility.Joint, null);
    }
}
