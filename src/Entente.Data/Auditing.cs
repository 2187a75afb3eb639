using System.Globalization;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Entente.Data;

/// <summary>
/// Who is reading and changing data now: the signed-in account (with its party), or the program
/// itself. Reads are filtered and writes checked against it in the data layer.
/// </summary>
public interface IAuditActor
{
    string Actor { get; }

    /// <summary>The account, when a person acts.</summary>
    Guid? AccountId { get; }

    Guid? PartyId { get; }

    string? RequestId { get; }

    /// <summary>True for the program itself (start-up, demo data, command line): no filter, no write check.</summary>
    bool IsSystem { get; }

    /// <summary>True for an instance administrator.</summary>
    bool IsAdministrator { get; }
}

/// <summary>
/// No one: what a context acts as when it was not told whom it acts for. It reads no record of a joint
/// body and writes nothing, so that work started outside a request by mistake sees and changes nothing.
/// </summary>
public sealed class NoActor : IAuditActor
{
    public static readonly NoActor Instance = new();

    private NoActor()
    {
    }

    public string Actor => "nobody";

    public Guid? AccountId => null;

    public Guid? PartyId => null;

    public string? RequestId => null;

    public bool IsSystem => false;

    public bool IsAdministrator => false;
}

/// <summary>The program acting on its own, asked for by name (start-up, demo data, command line, migrations): it sees and writes everything.</summary>
public sealed class SystemActor(string actor = "system") : IAuditActor
{
    public string Actor { get; } = actor;

    public Guid? AccountId => null;

    public Guid? PartyId => null;

    public string? RequestId => null;

    public bool IsSystem => true;

    public bool IsAdministrator => false;
}

/// <summary>
/// Turns the change tracker's pending changes into audit entries, chained onto the current head.
/// Data-protection keys are key material, and failed sign-in counts telemetry: neither is a record, and both stay out of the chain.
/// </summary>
internal static class Auditing
{
    /// <summary>The key under which PostgreSQL serializes writers of the chain (an advisory lock for the transaction).</summary>
    public const long ChainLock = 0x456E74656E7465;

    public static List<EntityEntry> Pending(AppDbContext db) =>
        [.. db.ChangeTracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is not AuditEntry and not Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey and not SignInFailure and not AccountSession and not Search.SearchEntry)];

    public static List<AuditEntry> Chain(AppDbContext db, List<EntityEntry> changes, IAuditActor actor, DateTime now, long lastSequence, string lastHash)
    {
        var result = new List<AuditEntry>(changes.Count);
        var at = AuditChain.ToMicroseconds(now);
        // The tracked records by type and id, looked up once for every row that belongs to one (a save of
        // many items and their owner rows would otherwise scan the change tracker once per row).
        var records = db.ChangeTracker.Entries().Where(e => e.Entity is Entity)
            .GroupBy(e => (e.Metadata, ((Entity)e.Entity).Id)).ToDictionary(g => g.Key, g => (Entity)g.First().Entity);
        var shared = Shared(db);
        foreach (var change in changes.OrderBy(c => c.Metadata.ClrType.Name, StringComparer.Ordinal))
        {
            var (recordId, bodyId, visibility, owner) = Scope(db, change, records);
            void Add(Visibility sealedAs, Guid? sealedOwner, AuditAction action, string? before, string? after)
            {
                var entry = new AuditEntry
                {
                    Sequence = lastSequence + 1,
                    At = at,
                    Actor = actor.Actor,
                    ActorPartyId = actor.PartyId,
                    RequestId = actor.RequestId,
                    EntityType = change.Metadata.ClrType.Name,
                    EntityKey = KeyOf(change),
                    RecordId = recordId,
                    JointBodyId = bodyId,
                    Visibility = sealedAs,
                    OwnerPartyId = sealedOwner,
                    Action = action,
                    Before = before,
                    After = after,
                    PreviousHash = lastHash,
                }.Seal();
                result.Add(entry);
                lastSequence = entry.Sequence;
                lastHash = entry.Hash;
            }

            var action = change.State switch
            {
                EntityState.Added => AuditAction.Create,
                EntityState.Deleted => AuditAction.Delete,
                _ => AuditAction.Update,
            };
            var before = change.State == EntityState.Added ? null : Snapshot(change, original: true);
            var after = change.State == EntityState.Deleted ? null : Snapshot(change, original: false);
            if (recordId is not { } id || !shared.TryGetValue(id, out var formerOwner))
            {
                Add(visibility, owner, action, before, after);
            }
            else if (change.State == EntityState.Added)
            {
                Add(visibility, owner, action, before, after);
            }
            else
            {
                // A record shared in this save: what it held while national stays in its party's history; the
                // other party's history starts with the record as it is shared, and nothing from before.
                Add(Visibility.National, formerOwner, action, before, after);
                if (change.State == EntityState.Modified && change.Entity is BodyRecord)
                {
                    Add(visibility, owner, AuditAction.Update, null, after);
                }
            }
        }

        return result;
    }

    /// <summary>The columns a save sets itself: a row whose other columns keep their values is not changed by it.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal) { nameof(Entity.Version), nameof(Entity.UpdatedAt), nameof(ISearchable.SearchText) };

    /// <summary>Whether a pending row changes a stored value: an added or deleted row does; a modified one when a column other than its bookkeeping holds another value.</summary>
    public static bool ChangesAnything(EntityEntry entry) =>
        entry.State != EntityState.Modified
        || entry.Properties.Any(p => p.IsModified && !Bookkeeping.Contains(p.Metadata.Name) && !Same(p.Metadata, p.OriginalValue, p.CurrentValue))
        || entry.ComplexProperties.Any(c => c.Properties.Any(p => p.IsModified && !Same(p.Metadata, p.OriginalValue, p.CurrentValue)));

    /// <summary>
    /// Whether pending rows leave every stored value as it was: no modified row changes a column (see
    /// <see cref="ChangesAnything"/>), and the rows added are, type by type, the rows deleted again with
    /// new keys (a list replaced by an equal one).
    /// </summary>
    public static bool ChangesNothing(IReadOnlyList<EntityEntry> pending)
    {
        if (pending.Any(e => e.State == EntityState.Modified && ChangesAnything(e)))
        {
            return false;
        }

        foreach (var type in pending.Where(e => e.State != EntityState.Modified).GroupBy(e => e.Metadata))
        {
            var added = type.Where(e => e.State == EntityState.Added).Select(e => Values(e, original: false)).Order(StringComparer.Ordinal);
            var deleted = type.Where(e => e.State == EntityState.Deleted).Select(e => Values(e, original: true)).Order(StringComparer.Ordinal);
            if (!added.SequenceEqual(deleted, StringComparer.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A row's stored values but its own key and bookkeeping, to compare a deleted row with the one added in its place.</summary>
    private static string Values(EntityEntry entry, bool original)
    {
        var key = entry.Metadata.FindPrimaryKey()?.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal) ?? [];
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Metadata.GetProperties().Where(p => !Bookkeeping.Contains(p.Name) && p.Name != nameof(Entity.CreatedAt) && (!key.Contains(p.Name) || key.Count > 1)))
        {
            var value = entry.Property(property.Name);
            fields[property.Name] = Format(original ? value.OriginalValue : value.CurrentValue);
        }

        foreach (var complex in entry.Metadata.GetComplexProperties())
        {
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var value = entry.ComplexProperty(complex).Property(property);
                fields[complex.Name + "." + property.Name] = Format(original ? value.OriginalValue : value.CurrentValue);
            }
        }

        return Canonical.Serialize(fields);
    }

    private static bool Same(IReadOnlyProperty property, object? original, object? current) =>
        property.GetValueComparer() is { } comparer ? comparer.Equals(original, current) : Equals(original, current);

    /// <summary>The records this save shares (national until now, joint after it), with the party whose they were.</summary>
    private static Dictionary<Guid, Guid?> Shared(AppDbContext db) =>
        db.ChangeTracker.Entries<BodyRecord>()
            .Where(e => e.State == EntityState.Modified && Equals(e.Property(r => r.Visibility).OriginalValue, Visibility.National) && e.Entity.Visibility == Visibility.Joint)
            .ToDictionary(e => e.Entity.Id, e => e.Property(r => r.OwnerPartyId).OriginalValue);

    /// <summary>
    /// The record a row belongs to, with its joint body and visibility: the row itself when it is
    /// a record, else the tracked parent record it refers to (the co-chair row of a session, the
    /// owner row of an action item), so that a row of a national record is never read as joint.
    /// </summary>
    private static (Guid? RecordId, Guid? BodyId, Visibility Visibility, Guid? Owner) Scope(AppDbContext db, EntityEntry change, Dictionary<(IEntityType, Guid), Entity> records)
    {
        var record = change.Entity as Entity ?? ParentOf(db, change, records);
        return record switch
        {
            BodyRecord r => (r.Id, r.JointBodyId, r.Visibility, r.OwnerPartyId),
            null => (null, BodyIdOf(change), Visibility.Joint, null),
            IHasVisibility v => (record.Id, BodyIdOf(db.Entry(record)) ?? BodyIdOf(change), v.Visibility, v.OwnerPartyId),
            _ => (record.Id, BodyIdOf(db.Entry(record)) ?? BodyIdOf(change), Visibility.Joint, null),
        };
    }

    /// <summary>
    /// Brings into the change tracker the record each changed row belongs to, when the save did not load it,
    /// so that the row is sealed with its record's visibility: a row of a national record is never sealed joint
    /// for want of its parent.
    /// </summary>
    public static async Task LoadParentsAsync(AppDbContext db, List<EntityEntry> changes, CancellationToken ct)
    {
        HashSet<(Type, Guid)>? tracked = null;
        foreach (var change in changes.Where(c => c.Entity is not Entity))
        {
            foreach (var key in change.Metadata.GetForeignKeys().Where(k => k.IsRequired && k.Properties.Count == 1 && k.PrincipalKey.IsPrimaryKey()
                && typeof(Entity).IsAssignableFrom(k.PrincipalEntityType.ClrType) && k.PrincipalEntityType.ClrType != typeof(Party) && k.PrincipalEntityType.ClrType != typeof(Person) && k.PrincipalEntityType.ClrType != typeof(Institution)))
            {
                tracked ??= [.. db.ChangeTracker.Entries().Where(e => e.Entity is Entity).Select(e => (e.Metadata.ClrType, ((Entity)e.Entity).Id))];
                if (change.Property(key.Properties[0].Name).CurrentValue is not Guid id || !tracked.Add((key.PrincipalEntityType.ClrType, id)))
                {
                    continue;
                }

                var load = typeof(Auditing).GetMethod(nameof(LoadAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
                    .MakeGenericMethod(key.PrincipalEntityType.ClrType);
                await (Task)load.Invoke(null, [db, id, ct])!;
            }
        }
    }

    private static Task LoadAsync<T>(AppDbContext db, Guid id, CancellationToken ct)
        where T : Entity =>
        db.Set<T>().IgnoreQueryFilters().Where(r => r.Id == id).LoadAsync(ct);

    private static Entity? ParentOf(AppDbContext db, EntityEntry change, Dictionary<(IEntityType, Guid), Entity> records)
    {
        foreach (var foreignKey in change.Metadata.GetForeignKeys().Where(k => k.IsRequired && typeof(Entity).IsAssignableFrom(k.PrincipalEntityType.ClrType)))
        {
            Entity? parent;
            if (foreignKey.Properties is [var single] && foreignKey.PrincipalKey.IsPrimaryKey() && change.Property(single.Name).CurrentValue is Guid id)
            {
                parent = records.GetValueOrDefault((foreignKey.PrincipalEntityType, id));
            }
            else
            {
                var values = foreignKey.Properties.Select(p => change.Property(p.Name).CurrentValue).ToArray();
                parent = db.ChangeTracker.Entries()
                    .Where(e => e.Metadata == foreignKey.PrincipalEntityType && e.Entity is Entity)
                    .FirstOrDefault(e => foreignKey.PrincipalKey.Properties.Select(p => e.Property(p.Name).CurrentValue).SequenceEqual(values))?.Entity as Entity;
            }

            if (parent is not null and not Party and not Person and not Institution)
            {
                return parent;
            }
        }

        return null;
    }

    private static Guid? BodyIdOf(EntityEntry entry) =>
        entry.Metadata.FindProperty("JointBodyId") is { } property ? entry.Property(property.Name).CurrentValue as Guid? : null;

    private static string KeyOf(EntityEntry change)
    {
        var key = change.Metadata.FindPrimaryKey()!;
        if (key.Properties is [var single])
        {
            return Format(change.Property(single.Name).CurrentValue)?.ToString() ?? string.Empty;
        }

        var parts = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in key.Properties)
        {
            parts[Camel(property.Name)] = Format(change.Property(property.Name).CurrentValue);
        }

        return Canonical.Serialize(parts);
    }

    /// <summary>Columns whose values are secrets or derived from them: the chain records that they changed, never what they hold.</summary>
    private static readonly HashSet<string> Redacted = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "TokenHash", "ProtectedPrivateKey",
    };

    /// <summary>The stored columns of a row, as canonical JSON; bilingual texts as nested <c>{ "ar", "en" }</c> objects; secrets redacted.</summary>
    private static string Snapshot(EntityEntry change, bool original)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in change.Metadata.GetProperties().Where(p => p.Name != nameof(ISearchable.SearchText)))
        {
            var entry = change.Property(property.Name);
            var value = original ? entry.OriginalValue : entry.CurrentValue;
            var secret = Redacted.Contains(property.Name) || (change.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<Guid> && property.Name == "Value");
            fields[Camel(property.Name)] = secret && value is not null ? "[redacted]" : Format(value);
        }

        foreach (var complex in change.Metadata.GetComplexProperties())
        {
            var complexEntry = change.ComplexProperty(complex);
            if (!original && complexEntry.CurrentValue is null)
            {
                fields[Camel(complex.Name)] = null;
                continue;
            }

            var inner = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var propertyEntry = complexEntry.Property(property);
                inner[Camel(property.Name)] = Format(original ? propertyEntry.OriginalValue : propertyEntry.CurrentValue);
            }

            fields[Camel(complex.Name)] = inner.Values.All(v => v is null) ? null : inner;
        }

        return Canonical.Serialize(fields);
    }

    private static object? Format(object? value) => value switch
    {
        null => null,
        string s => s,
        Guid g => g.ToString("D"),
        DateTime d => d.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        bool b => b,
        int or long => value,
        Enum e => e.ToString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        byte[] bytes => $"[{bytes.Length} bytes, sha256 {Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}]",
        _ => value.ToString(),
    };

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
