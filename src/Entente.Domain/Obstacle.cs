namespace Entente.Domain;

/// <summary>Lifecycle of an obstacle.</summary>
public enum ObstacleStatus
{
    Open,

    /// <summary>Being removed (تذليل).</summary>
    BeingRemoved,
    Resolved,
}

/// <summary>An obstacle (عقبة) raised against a track, an action item or an agreement.</summary>
public sealed class Obstacle : BodyRecord
{
    public static readonly StatusMachine<ObstacleStatus> Lifecycle = new(new()
    {
        [ObstacleStatus.Open] = [ObstacleStatus.BeingRemoved, ObstacleStatus.Resolved],
        [ObstacleStatus.BeingRemoved] = [ObstacleStatus.Open, ObstacleStatus.Resolved],
        [ObstacleStatus.Resolved] = [ObstacleStatus.Open],
    });

    public Guid? TrackId { get; set; }

    public Guid? ActionItemId { get; set; }

    public Guid? AgreementId { get; set; }

    public required BilingualText Title { get; set; }

    public BilingualText? Description { get; set; }

    public ObstacleStatus Status { get; private set; } = ObstacleStatus.Open;

    public BilingualText? Resolution { get; set; }

    /// <summary>When the obstacle was resolved, when known; cleared when it is reopened.</summary>
    public DateOnly? ResolvedOn { get; set; }

    /// <summary>The side that raised it.</summary>
    public Guid? RaisedByPartyId { get; set; }

    public DateOnly? RaisedOn { get; set; }

    /// <summary>Moves the obstacle; resolving it needs the resolution in both languages.</summary>
    public void ChangeStatus(ObstacleStatus to)
    {
        Lifecycle.EnsureCanMove(Status, to);
        if (to == ObstacleStatus.Resolved)
        {
            DomainRuleException.ThrowIfAny(Resolution is null
                ? [new RuleError(RuleCodes.Required, "resolution", "A resolved obstacle needs its resolution.")]
                : Resolution.Check("resolution", BilingualText.MaxProseLength));
        }

        Status = to;
    }

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in Description?.Check("description", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        foreach (var e in Resolution?.Check("resolution", BilingualText.MaxProseLength) ?? [])
        {
            yield return e;
        }

        if (TrackId is null && ActionItemId is null && AgreementId is null)
        {
            yield return new RuleError(RuleCodes.Required, "trackId", "An obstacle is raised against a track, an action item or an agreement.");
        }
    }
}
