namespace Entente.Domain;

/// <summary>
/// IANA time zones (tzdata): the names a meeting's clock and a reader's preference are given in.
/// Only IANA names are taken (not Windows ones), so a stored zone means the same on every server.
/// </summary>
public static class TimeZones
{
    /// <summary>The zones offered first: the capitals a joint body of this kind meets in most.</summary>
    public static readonly IReadOnlyList<string> Common =
    [
        "Asia/Kuwait", "Asia/Riyadh", "Asia/Bahrain", "Asia/Qatar", "Asia/Dubai", "Asia/Muscat", "Asia/Baghdad", "Asia/Amman",
        "Africa/Cairo", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Istanbul", "America/New_York", "Asia/Tokyo", "UTC",
    ];

    public static bool IsKnown(string name) =>
        name.Length is > 0 and <= 64
        && (name == "UTC" || name.Contains('/', StringComparison.Ordinal))
        && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
        && zone.HasIanaId;

    public static TimeZoneInfo Find(string name) => TimeZoneInfo.FindSystemTimeZoneById(name);
}
