using System.Globalization;
using System.Text.RegularExpressions;

namespace Entente.Domain;

/// <summary>Parts of a date.</summary>
[Flags]
public enum DateParts
{
    None = 0,
    Year = 1,
    Month = 2,
    Day = 4,
}

/// <summary>
/// A calendar date of which only some parts may be known, and some parts inferred rather than
/// read from a source (a dateline "Monday" whose day, month and year come from context).
/// Its canonical text is ISO 8601 for what is known (<c>2020-11-23</c>, <c>2020-11</c>,
/// <c>2020</c>, <c>--07-31</c> when the year is unknown), followed by <c> ~year,month,day</c>
/// naming the inferred parts; that text sorts chronologically where the year is known.
/// </summary>
public sealed partial record PartialDate
{
    public PartialDate(int? year, int? month = null, int? day = null, DateParts inferred = DateParts.None)
    {
        Year = year;
        Month = month;
        Day = day;
        Inferred = inferred;
    }

    /// <summary>The year (<see cref="Dates.MinYear"/> to <see cref="Dates.MaxYear"/>), when known.</summary>
    public int? Year { get; init; }

    /// <summary>The month (1 to 12), when known.</summary>
    public int? Month { get; init; }

    /// <summary>The day of the month, when known.</summary>
    public int? Day { get; init; }

    /// <summary>The parts that were inferred from context rather than stated by a source.</summary>
    public DateParts Inferred { get; init; }

    /// <summary>The first day the date may be (1 January of a year alone, the 1st of a month alone), or null without a real year.</summary>
    public DateOnly? FirstDay => Year is { } y && y is >= 1 and <= 9999
        ? new DateOnly(y, Math.Clamp(Month ?? 1, 1, 12), Math.Clamp(Day ?? 1, 1, DateTime.DaysInMonth(y, Math.Clamp(Month ?? 1, 1, 12))))
        : null;

    /// <summary>The last day the date may be (31 December of a year alone, the month's last of a month alone), or null without a real year.</summary>
    public DateOnly? LastDay => Year is { } y && y is >= 1 and <= 9999
        ? new DateOnly(y, Math.Clamp(Month ?? 12, 1, 12), Math.Clamp(Day ?? DateTime.DaysInMonth(y, Math.Clamp(Month ?? 12, 1, 12)), 1, DateTime.DaysInMonth(y, Math.Clamp(Month ?? 12, 1, 12))))
        : null;

    /// <summary>A full date, stated (nothing inferred).</summary>
    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>True when year, month and day are all known.</summary>
    public bool IsComplete => Year is not null && Month is not null && Day is not null;

    /// <summary>The date, when complete.</summary>
    public DateOnly? AsDate => IsComplete && !Check("date").Any() ? new DateOnly(Year!.Value, Month!.Value, Day!.Value) : null;

    /// <summary>Checks the parts make a real (possibly partial) date.</summary>
    /// <param name="field">The field name for error reports.</param>
    public IEnumerable<RuleError> Check(string field)
    {
        if (Year is null && Month is null && Day is null)
        {
            yield return new RuleError(RuleCodes.Required, field, $"'{field}' needs at least one of year, month and day.");
            yield break;
        }

        if (Year is < Dates.MinYear or > Dates.MaxYear)
        {
            yield return new RuleError(RuleCodes.OutOfRange, $"{field}.year", $"'{field}.year' must be between {Dates.MinYear} and {Dates.MaxYear}.", Dates.MinYear, Dates.MaxYear);
        }

        if (Month is < 1 or > 12)
        {
            yield return new RuleError(RuleCodes.OutOfRange, $"{field}.month", $"'{field}.month' must be between 1 and 12.", 1, 12);
        }
        else if (Day is not null)
        {
            if (Month is null)
            {
                yield return new RuleError(RuleCodes.InvalidDate, $"{field}.month", $"'{field}' has a day but no month.");
            }
            else
            {
                var max = DateTime.DaysInMonth(Year is >= 1 and <= 9999 ? Year.Value : 2000, Month.Value);
                if (Day < 1 || Day > max)
                {
                    yield return new RuleError(RuleCodes.OutOfRange, $"{field}.day", $"'{field}.day' must be between 1 and {max}.", 1, max);
                }
            }
        }

        var unknownInferred = (Inferred.HasFlag(DateParts.Year) && Year is null)
            || (Inferred.HasFlag(DateParts.Month) && Month is null)
            || (Inferred.HasFlag(DateParts.Day) && Day is null);
        if (unknownInferred)
        {
            yield return new RuleError(RuleCodes.InvalidDate, $"{field}.inferred", $"'{field}' marks a part as inferred that it does not hold.");
        }
    }

    /// <summary>
    /// Compares two dates on the parts both know, from the year down: <c>2020-07</c> is before
    /// <c>2020-08-01</c>, and <c>2020</c> neither before nor after <c>2020-07</c> (0). Null when
    /// either has no year, since a date without a year cannot be placed in time.
    /// </summary>
    public static int? Compare(PartialDate a, PartialDate b)
    {
        if (a.Year is null || b.Year is null)
        {
            return null;
        }

        var byYear = a.Year.Value.CompareTo(b.Year.Value);
        if (byYear != 0 || a.Month is null || b.Month is null)
        {
            return byYear;
        }

        var byMonth = a.Month.Value.CompareTo(b.Month.Value);
        if (byMonth != 0 || a.Day is null || b.Day is null)
        {
            return byMonth;
        }

        return a.Day.Value.CompareTo(b.Day.Value);
    }

    /// <summary>The canonical text (see the type's remarks).</summary>
    public override string ToString()
    {
        var text = Year is not null
            ? Year.Value.ToString("D4", CultureInfo.InvariantCulture)
                + (Month is not null ? "-" + Month.Value.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)
                + (Month is not null && Day is not null ? "-" + Day.Value.ToString("D2", CultureInfo.InvariantCulture) : string.Empty)
            : "--" + (Month?.ToString("D2", CultureInfo.InvariantCulture) ?? "??")
                + (Day is not null ? "-" + Day.Value.ToString("D2", CultureInfo.InvariantCulture) : string.Empty);
        if (Inferred == DateParts.None)
        {
            return text;
        }

        var parts = new List<string>(3);
        if (Inferred.HasFlag(DateParts.Year))
        {
            parts.Add("year");
        }

        if (Inferred.HasFlag(DateParts.Month))
        {
            parts.Add("month");
        }

        if (Inferred.HasFlag(DateParts.Day))
        {
            parts.Add("day");
        }

        return text + " ~" + string.Join(",", parts);
    }

    /// <summary>Reads the canonical text written by <see cref="ToString"/>, and nothing else.</summary>
    /// <exception cref="FormatException">The text is not in the canonical form.</exception>
    public static PartialDate Parse(string text)
    {
        var match = CanonicalForm().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a partial date in canonical form (such as 2020-11-23, 2020-11, 2020 or --07-31, optionally followed by ' ~year,month,day').");
        }

        static int? Part(Group g) => g.Success && g.Value != "??" ? int.Parse(g.Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;

        var inferred = DateParts.None;
        if (match.Groups["iy"].Success)
        {
            inferred |= DateParts.Year;
        }

        if (match.Groups["im"].Success)
        {
            inferred |= DateParts.Month;
        }

        if (match.Groups["id"].Success)
        {
            inferred |= DateParts.Day;
        }

        return match.Groups["y"].Success
            ? new PartialDate(Part(match.Groups["y"]), Part(match.Groups["m"]), Part(match.Groups["d"]), inferred)
            : new PartialDate(null, Part(match.Groups["nm"]), Part(match.Groups["nd"]), inferred);
    }

    [GeneratedRegex(@"^(?:(?<y>\d{4})(?:-(?<m>\d{2})(?:-(?<d>\d{2}))?)?|--(?<nm>\d{2}|\?\?)(?:-(?<nd>\d{2}))?)(?: ~(?=\w)(?<iy>year)?(?:(?<=year),)?(?<im>month)?(?:(?<=month),)?(?<id>day)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex CanonicalForm();
}

/// <summary>
/// The years a record of a joint body may name: from 1600 (the oldest treaties and the first contacts
/// between the parties of today's bodies are later) to 2200 (no plan looks further ahead). A date
/// outside them is a typing error such as 9999-12-31, refused rather than stored.
/// </summary>
public static class Dates
{
    public const int MinYear = 1600;

    public const int MaxYear = 2200;

    /// <summary>True when the date's year is within <see cref="MinYear"/> and <see cref="MaxYear"/>.</summary>
    public static bool IsPlausible(DateOnly date) => date.Year is >= MinYear and <= MaxYear;
}
