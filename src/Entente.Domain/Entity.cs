namespace Entente.Domain;

/// <summary>A record with identity and an optimistic-concurrency version.</summary>
public abstract class Entity
{
    /// <summary>Time-ordered identifier (UUID version 7), so inserts stay index-friendly.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>
    /// Version of the record, starting at 1 and increased by the data layer on every update;
    /// exposed as the ETag, and a write must name the version it read.
    /// </summary>
    public long Version { get; set; } = 1;

    /// <summary>When the record was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the record was last changed (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}

/// <summary>Who may see a record of a joint body.</summary>
public enum Visibility
{
    /// <summary>Seen by every party of the joint body.</summary>
    Joint,

    /// <summary>Seen only by the owning party: internal notes, national positions, drafts not yet shared.</summary>
    National,
}

/// <summary>
/// Something whose readers are decided by a visibility: a record of a joint body, or what is
/// said about one (a claim), which is seen by whoever sees the record and no one else.
/// </summary>
public interface IHasVisibility
{
    Visibility Visibility { get; }

    /// <summary>The party whose national space holds it; null when joint.</summary>
    Guid? OwnerPartyId { get; }
}

/// <summary>
/// A record that belongs to a joint body and is either joint or national to one party. A
/// national record may be shared (made joint) by its party; a joint record never becomes
/// national again (ADR 0007).
/// </summary>
public abstract class BodyRecord : Entity, IHasVisibility
{
    public Guid JointBodyId { get; set; }

    public Visibility Visibility { get; private set; } = Visibility.Joint;

    /// <summary>The party whose national space holds the record; null for a joint record.</summary>
    public Guid? OwnerPartyId { get; private set; }

    /// <summary>Sets who may see the record; a national record needs an owner, a joint one has none.</summary>
    public void SetVisibility(Visibility visibility, Guid? ownerPartyId)
    {
        DomainRuleException.ThrowIfAny(CheckVisibility(visibility, ownerPartyId));
        Visibility = visibility;
        OwnerPartyId = ownerPartyId;
    }

    /// <summary>The rules <see cref="SetVisibility"/> enforces, without changing anything.</summary>
    public static IEnumerable<RuleError> CheckVisibility(Visibility visibility, Guid? ownerPartyId)
    {
        if (visibility == Visibility.National && ownerPartyId is null)
        {
            yield return new RuleError(RuleCodes.NationalNeedsOwner, "ownerPartyId", "A national record needs the party that owns it.");
        }

        if (visibility == Visibility.Joint && ownerPartyId is not null)
        {
            yield return new RuleError(RuleCodes.JointHasNoOwner, "ownerPartyId", "A joint record belongs to every party; leave the owner empty.");
        }
    }
}
