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

/// <summary>One value of an indicator for a period, with its source.</summary>
public sealed class IndicatorValue
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid IndicatorId { get; set; }

    /// <summary>The value in the indicator's unit, exactly (3.4 billion pounds is 3400000000).</summary>
    public decimal Value { get; set; }

    public DateOnly PeriodStart { get; set; }

    public DateOnly PeriodEnd { get; set; }

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
    }
}
