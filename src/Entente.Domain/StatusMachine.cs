namespace Entente.Domain;

/// <summary>The allowed moves between the statuses of a lifecycle.</summary>
/// <typeparam name="TStatus">The status enumeration.</typeparam>
public sealed class StatusMachine<TStatus>
    where TStatus : struct, Enum
{
    private readonly Dictionary<TStatus, TStatus[]> _next;

    public StatusMachine(Dictionary<TStatus, TStatus[]> next) => _next = next;

    /// <summary>The statuses reachable in one move from <paramref name="from"/>.</summary>
    public IReadOnlyList<TStatus> NextOf(TStatus from) => _next.TryGetValue(from, out var next) ? next : [];

    /// <summary>True when the status may move from <paramref name="from"/> to <paramref name="to"/> (staying is always allowed).</summary>
    public bool CanMove(TStatus from, TStatus to) => EqualityComparer<TStatus>.Default.Equals(from, to) || NextOf(from).Contains(to);

    /// <summary>Throws a <see cref="RuleCodes.IllegalTransition"/> error when the move is not allowed.</summary>
    public void EnsureCanMove(TStatus from, TStatus to, string field = "status")
    {
        if (!CanMove(from, to))
        {
            var allowed = string.Join(", ", NextOf(from).Select(Names.Kebab));
            throw new DomainRuleException(new RuleError(
                RuleCodes.IllegalTransition,
                field,
                $"The status cannot move from '{Names.Kebab(from)}' to '{Names.Kebab(to)}'; allowed next: {(allowed.Length == 0 ? "none" : allowed)}.",
                Names.Kebab(from),
                Names.Kebab(to),
                allowed));
        }
    }
}

/// <summary>Spelling of enumeration values as the API writes them.</summary>
public static class Names
{
    /// <summary><c>UnderNegotiation</c> → <c>under-negotiation</c>.</summary>
    public static string Kebab<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        var chars = new List<char>(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                chars.Add('-');
            }

            chars.Add(char.ToLowerInvariant(name[i]));
        }

        return new string([.. chars]);
    }
}
