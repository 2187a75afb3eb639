namespace Entente.Domain;

/// <summary>
/// A figure measured over time (bilateral trade volume), in one unit: an ISO 4217 currency
/// code (<c>GBP</c>) or a unit name (<c>students</c>, <c>percent</c>).
/// </summary>
public sealed class Indicator : BodyRecord
{
    public Guid? TrackId { get; set; }

    public required BilingualText Name { get; set; }

    /// <summary>ISO 4217 code when <see cref="IsCurrency"/>, otherwise the unit's name.</summary>
    public required string Unit { get; set; }

    public bool IsCurrency { get; set; }

    public List<IndicatorValue> Values { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Name.Check("name"))
        {
            yield return e;
        }

        if (string.IsNullOrWhiteSpace(Unit))
        {
            yield return new RuleError(RuleCodes.Required, "unit", "An indicator needs its unit or currency.");
        }
        else if (IsCurrency && (Unit.Length != 3 || !Unit.All(char.IsAsciiLetterUpper)))
        {
            yield return new RuleError(RuleCodes.OutOfRange, "unit", "A currency is an ISO 4217 code of three capital letters (GBP, KWD).");
        }
        else if (Unit.Length > 40)
        {
            yield return new RuleError(RuleCodes.TooLong, "unit", "A unit is at most 40 characters.", 40);
        }
        else
        {
            foreach (var error in TextRules.Check(Unit, "unit"))
            {
                yield return error;
            }
        }
    }
}

/// <summary>How exactly a figure is known: "over GBP 3 billion", "about 500 students".</summary>
public enum FigureQualifier
{
    Exact,

    /// <summary>About, nearly, some (نحو، حوالي).</summary>
    About,

    /// <summary>Over, more than (أكثر من، ما يزيد على).</summary>
    Over,

    /// <summary>At least (لا يقل عن).</summary>
    AtLeast,

    /// <summary>Up to (حتى، ما يصل إلى).</summary>
    UpTo,

    /// <summary>Under, less than (أقل من).</summary>
    Under,
}

/// <summary>One value of an indicator for a period, with its source.</summary>
public sealed class IndicatorValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; set; }

    /// <summary>The value in the indicator's unit, exactly (3.4 billion pounds is 3400000000).</summary>
    public decimal Value { get; set; }

    /// <summary>How exactly the figure is known.</summary>
    public FigureQualifier Qualifier { get; set; }

    /// <summary>
    /// The party whose share the figure is ("Kuwait's contribution of USD 1.5 million"), or null for
    /// the figure as a whole.
    /// </summary>
    public Guid? PartyId { get; set; }

    /// <summary>The figure is each party's share alike ("USD 1.5 million each").</summary>
    public bool Each { get; set; }

    /// <summary>
    /// The period as precisely as it is known (a year: <c>2019</c>, a month: <c>2019-11</c>), when it
    /// is not a range of days; <see cref="PeriodStart"/> and <see cref="PeriodEnd"/> are then its first
    /// and last day. Null with both bounds null: the figure's period is not known.
    /// </summary>
    public PartialDate? Period { get; set; }

    public DateOnly? PeriodStart { get; set; }

    public DateOnly? PeriodEnd { get; set; }

    /// <summary>The day the figure stands at in time: the end of its period, else the day it was reported.</summary>
    public DateOnly? AsOf => PeriodEnd ?? ReportedOn;

    /// <summary>Where the figure comes from.</summary>
    public Guid? SourceId { get; set; }

    /// <summary>When the figure was reported, if known.</summary>
    public DateOnly? ReportedOn { get; set; }

    /// <summary>Largest magnitude a value may have (the database keeps 22 digits before the point and 6 after).</summary>
    public const decimal MaxMagnitude = 9_999_999_999_999_999_999_999m;

    public IEnumerable<RuleError> Check(string field)
    {
        if (Math.Abs(Value) > MaxMagnitude || Value.Scale > 6)
        {
            yield return new RuleError(RuleCodes.OutOfRange, $"{field}.value", $"'{field}.value' has at most 22 digits before the decimal point and 6 after.");
        }

        if (PeriodEnd < PeriodStart)
        {
            yield return new RuleError(RuleCodes.EndBeforeStart, $"{field}.periodEnd", "A period cannot end before it starts.");
        }

        if (PeriodStart is null != PeriodEnd is null)
        {
            yield return new RuleError(RuleCodes.Required, PeriodStart is null ? $"{field}.periodStart" : $"{field}.periodEnd", "A range of days needs its first and last day; give 'period' for a year or a month, or neither when the period is not known.");
        }

        if (Period is not null)
        {
            foreach (var e in Period.Check($"{field}.period"))
            {
                yield return e;
            }

            if (Period.Year is null)
            {
                yield return new RuleError(RuleCodes.Required, $"{field}.period.year", $"'{field}.period' needs its year (marked inferred when the source leaves it out).");
            }
        }

        if (Each && PartyId is not null)
        {
            yield return new RuleError(RuleCodes.Mismatch, $"{field}.each", $"A figure is one party's share ('{field}.partyId') or every party's alike ('{field}.each'), not both.");
        }
    }

    /// <summary>The first and last day of a year, a month or a day.</summary>
    public static (DateOnly Start, DateOnly End)? BoundsOf(PartialDate period) =>
        period.Check("period").Any() || period.FirstDay is not { } first || period.LastDay is not { } last ? null : (first, last);
}
