using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Entente.Domain;

/// <summary>What happened to a record.</summary>
public enum AuditAction
{
    Create,
    Update,
    Delete,
}

/// <summary>
/// One change to one stored row: who, for which party, when, in which request, and the row
/// before and after as canonical JSON. Entries are append-only and chained: each entry's
/// <see cref="Hash"/> is the SHA-256 of the previous entry's hash and the entry's own canonical
/// content, so editing, deleting, inserting or reordering entries breaks the chain.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>Position in the chain, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>When the change was saved (UTC, whole microseconds so every database keeps it exactly).</summary>
    public DateTime At { get; init; }

    /// <summary>Who made the change: an account, or <c>system</c>/<c>cli:…</c> for the program itself.</summary>
    public required string Actor { get; init; }

    public Guid? ActorPartyId { get; init; }

    public string? RequestId { get; init; }

    /// <summary>The type of the row (<c>ActionItem</c>, <c>SessionCoChair</c>).</summary>
    public required string EntityType { get; init; }

    /// <summary>The row's key: its id, or the canonical JSON of a composite key.</summary>
    public required string EntityKey { get; init; }

    /// <summary>The id of the record the row belongs to (the row itself, or its parent record).</summary>
    public Guid? RecordId { get; init; }

    public Guid? JointBodyId { get; init; }

    /// <summary>The visibility of the record the row belongs to, so that history is read within the reader's visibility.</summary>
    public Visibility Visibility { get; init; }

    public Guid? OwnerPartyId { get; init; }

    public AuditAction Action { get; init; }

    /// <summary>The row before the change, as canonical JSON; null for a creation.</summary>
    public string? Before { get; init; }

    /// <summary>The row after the change, as canonical JSON; null for a deletion.</summary>
    public string? After { get; init; }

    /// <summary>Lower-case hexadecimal SHA-256 of the previous entry (<see cref="AuditChain.Genesis"/> for the first).</summary>
    public required string PreviousHash { get; init; }

    /// <summary>The SHA-256 of the previous hash and this entry's canonical content, set by <see cref="Seal"/>.</summary>
    public string Hash { get; set; } = string.Empty;

    /// <summary>Computes and sets <see cref="Hash"/> once every other field is set; returns the entry.</summary>
    public AuditEntry Seal()
    {
        Hash = AuditChain.ComputeHash(this);
        return this;
    }
}

/// <summary>A break in the audit chain: the first entry that does not fit, and why.</summary>
/// <param name="Sequence">The sequence number of the entry (or the one expected there).</param>
/// <param name="Reason">What is wrong, in a sentence.</param>
public sealed record AuditFault(long Sequence, string Reason);

/// <summary>The rules of the audit chain: canonical content, hashing and verification.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The canonical content of an entry: a JSON object of every field but the hash, keys in
    /// ordinal order, no insignificant white space, times as ISO 8601 UTC with seven decimals.
    /// </summary>
    public static string CanonicalContent(AuditEntry e)
    {
        var fields = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["action"] = e.Action.ToString(),
            ["actor"] = e.Actor,
            ["actorPartyId"] = e.ActorPartyId?.ToString("D"),
            ["after"] = e.After,
            ["at"] = e.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["before"] = e.Before,
            ["entityKey"] = e.EntityKey,
            ["entityType"] = e.EntityType,
            ["jointBodyId"] = e.JointBodyId?.ToString("D"),
            ["ownerPartyId"] = e.OwnerPartyId?.ToString("D"),
            ["previousHash"] = e.PreviousHash,
            ["recordId"] = e.RecordId?.ToString("D"),
            ["requestId"] = e.RequestId,
            ["sequence"] = e.Sequence,
            ["visibility"] = e.Visibility.ToString(),
        };
        return Canonical.Serialize(fields);
    }

    /// <summary>The hash of an entry whose previous hash and other fields are set.</summary>
    public static string ComputeHash(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(e.PreviousHash + "\n" + CanonicalContent(e))));

    /// <summary>Rounds a time down to whole microseconds, the precision PostgreSQL keeps.</summary>
    public static DateTime ToMicroseconds(DateTime utc) => new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    /// <summary>Checks entries read in sequence order (see <see cref="AuditChainCheck"/>).</summary>
    /// <returns>The first fault, or null when the chain is whole.</returns>
    public static AuditFault? Verify(IEnumerable<AuditEntry> ordered)
    {
        var check = new AuditChainCheck();
        return ordered.Select(check.Next).FirstOrDefault(f => f is not null);
    }
}

/// <summary>
/// Checks an audit chain one entry at a time, in sequence order, so that a chain of any length
/// is read as a stream: numbering from 1 without gaps or repeats, each previous hash equal to
/// the hash before it, each hash equal to the recomputed one.
/// </summary>
public sealed class AuditChainCheck
{
    private long _expected = 1;
    private string _previous = AuditChain.Genesis;

    /// <summary>How many entries were found whole.</summary>
    public long Verified => _expected - 1;

    /// <summary>The fault of this entry, or null when it continues the chain.</summary>
    public AuditFault? Next(AuditEntry e)
    {
        if (e.Sequence != _expected)
        {
            return new AuditFault(_expected, e.Sequence > _expected
                ? $"entry {_expected} is missing (the next one is {e.Sequence})"
                : $"entry {e.Sequence} appears again or out of order after entry {_expected - 1}");
        }

        if (!string.Equals(e.PreviousHash, _previous, StringComparison.Ordinal))
        {
            return new AuditFault(e.Sequence, $"entry {e.Sequence} does not follow entry {e.Sequence - 1}: its previous hash is not that entry's hash (an entry was inserted, reordered or replaced)");
        }

        if (!string.Equals(AuditChain.ComputeHash(e), e.Hash, StringComparison.Ordinal))
        {
            return new AuditFault(e.Sequence, $"entry {e.Sequence} was altered: its content does not match its hash");
        }

        _previous = e.Hash;
        _expected++;
        return null;
    }
}

/// <summary>Canonical JSON (in the manner of RFC 8785): sorted keys, no white space, minimal escaping.</summary>
public static class Canonical
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Serializes a map whose values are strings, numbers, booleans, null or nested sorted maps.</summary>
    public static string Serialize(SortedDictionary<string, object?> fields) => JsonSerializer.Serialize(fields, Options);
}
