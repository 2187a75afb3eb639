using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>The joint body and visibility of a record that a note or claim points at.</summary>
public sealed record RecordScope(Guid? JointBodyId, Visibility Visibility, Guid? OwnerPartyId);

/// <summary>
/// One type of record that notes and claims may point at by <see cref="RecordType"/> and id. The feature
/// that owns the record registers it (<see cref="RecordTargetRegistration"/>).
/// </summary>
public interface IRecordTarget
{
    RecordType Type { get; }

    /// <summary>The fields a claim may be about: the record's properties, in the API's camel case.</summary>
    IReadOnlySet<string> Fields { get; }

    /// <summary>The stored record's type.</summary>
    Type RecordClass { get; }

    /// <summary>The scope of the record, read through the reader's data context: null when there is none the reader may see.</summary>
    Task<RecordScope?> ScopeAsync(AppDbContext db, Guid id, CancellationToken ct);
}

public static class RecordTargetRegistration
{
    /// <summary>A record of a joint body, joint or national, as its own visibility says.</summary>
    public static IServiceCollection AddRecordTarget<T>(this IServiceCollection services, RecordType type)
        where T : BodyRecord =>
        services.AddRecordTarget<T>(type, (db, id, ct) => db.Set<T>().Where(r => r.Id == id).Select(r => new RecordScope(r.JointBodyId, r.Visibility, r.OwnerPartyId)).FirstOrDefaultAsync(ct));

    /// <summary>A record of type <typeparamref name="T"/> whose scope is found otherwise (a body itself, a person, a row of another record).</summary>
    public static IServiceCollection AddRecordTarget<T>(this IServiceCollection services, RecordType type, Func<AppDbContext, Guid, CancellationToken, Task<RecordScope?>> scope)
        where T : class =>
        services.AddSingleton<IRecordTarget>(new Target(type, typeof(T), FieldsOf(typeof(T)), scope));

    /// <summary>
    /// The stored properties of a record but its identity, version and stamps, camel-cased as the API
    /// writes them, and for a list of links the ids the API gives it (an agreement's parties: <c>partyIds</c>).
    /// </summary>
    private static HashSet<string> FieldsOf(Type type)
    {
        var fields = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in type.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance)
            .Where(p => p.GetMethod is not null && p.SetMethod is not null && p.Name is not (nameof(Entity.Id) or nameof(Entity.Version) or nameof(Entity.CreatedAt) or nameof(Entity.UpdatedAt) or "SearchText")))
        {
            fields.Add(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(p.Name));
            if (p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>))
            {
                var row = p.PropertyType.GetGenericArguments()[0];
                foreach (var key in row.GetProperties().Where(k => k.Name.EndsWith("Id", StringComparison.Ordinal) && k.Name != type.Name + "Id" && k.PropertyType == typeof(Guid)))
                {
                    fields.Add(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(key.Name) + "s");
                }
            }
        }

        return fields;
    }

    private sealed class Target(RecordType type, Type recordClass, IReadOnlySet<string> fields, Func<AppDbContext, Guid, CancellationToken, Task<RecordScope?>> scope) : IRecordTarget
    {
        public RecordType Type => type;

        public Type RecordClass => recordClass;

        public IReadOnlySet<string> Fields => fields;

        public Task<RecordScope?> ScopeAsync(AppDbContext db, Guid id, CancellationToken ct) => scope(db, id, ct);
    }
}

/// <summary>The records notes and claims point at: whether the caller can see one, and in which body and visibility.</summary>
public sealed class RecordTargets(IEnumerable<IRecordTarget> targets)
{
    private readonly Dictionary<RecordType, IRecordTarget> _byType = targets.ToDictionary(t => t.Type);

    /// <summary>The types some feature registered.</summary>
    public IEnumerable<RecordType> Types => _byType.Keys;

    /// <summary>Each registered type with its stored record's class.</summary>
    public IEnumerable<(RecordType Type, Type RecordClass)> Classes => _byType.Values.Select(t => (t.Type, t.RecordClass));

    /// <summary>
    /// Whether a claim may be about <paramref name="field"/> of a record of <paramref name="type"/>: the
    /// whole record (empty), or a path whose first step is a field of the record (<c>startsOn</c>,
    /// <c>historyNote.ar</c>, <c>coChairs[0].title</c>).
    /// </summary>
    public bool HasField(RecordType type, string field)
    {
        if (field.Length == 0)
        {
            return true;
        }

        var first = field.Split('.', '[')[0];
        return _byType.TryGetValue(type, out var target) && target.Fields.Contains(first);
    }

    /// <summary>The fields a claim may be about for <paramref name="type"/>, sorted, for messages.</summary>
    public IEnumerable<string> FieldsOf(RecordType type) => _byType.TryGetValue(type, out var target) ? target.Fields.Order(StringComparer.Ordinal) : [];

    /// <summary>The scope of a record the caller can see, or null when there is none (another party's national record included, or a type no feature offers).</summary>
    public async Task<RecordScope?> ScopeAsync(AppDbContext db, RecordType type, Guid id, CancellationToken ct) =>
        _byType.TryGetValue(type, out var target) ? await target.ScopeAsync(db, id, ct) : null;
}
