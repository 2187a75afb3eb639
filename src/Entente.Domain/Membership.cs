namespace Entente.Domain;

/// <summary>What a member of a joint body may do there.</summary>
public enum MemberRole
{
    /// <summary>Reads only: leadership, auditors.</summary>
    Viewer,

    /// <summary>Writes action items, obstacles and progress updates of the named tracks only.</summary>
    TrackLead,

    /// <summary>Writes every record of the body for the party.</summary>
    Secretariat,

    /// <summary>What a secretariat may do, and signs.</summary>
    CoChair,
}

/// <summary>An account's role in one joint body; a track lead's role is scoped to named tracks.</summary>
public sealed class Membership : Entity
{
    public Guid AccountId { get; set; }

    public Guid JointBodyId { get; set; }

    public MemberRole Role { get; set; }

    /// <summary>The tracks a track lead answers for; empty for the other roles.</summary>
    public List<MembershipTrack> Tracks { get; set; } = [];
}

/// <summary>A track a track lead answers for.</summary>
public sealed class MembershipTrack
{
    public Guid MembershipId { get; set; }

    public Guid TrackId { get; set; }
}

/// <summary>
/// A bearer token of an account for the JSON API. Only the SHA-256 of the token is stored; the
/// token itself is shown once, when it is made.
/// </summary>
public sealed class ApiToken : Entity
{
    public Guid AccountId { get; set; }

    public required string Name { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the token.</summary>
    public required string TokenHash { get; set; }

    /// <summary>The first characters of the token, to tell tokens apart in a list.</summary>
    public required string Prefix { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public DateTime? LastUsedAt { get; set; }

    /// <summary>True when the token may be used at <paramref name="now"/>.</summary>
    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;
}
