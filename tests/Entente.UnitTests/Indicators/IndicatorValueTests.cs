using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Indicators;

public sealed class IndicatorValueTests
{
    [Fact]
    public void Check_OneDayPeriod_HasNoErrors()
    {
        var value = new IndicatorValue { PeriodStart = new DateOnly(2020, 1, 1), PeriodEnd = new DateOnly(2020, 1, 1) };

        Assert.Empty(value.Check("values[0]"));
    }

    [Fact]
    public void Check_PeriodEndingBeforeItStarts_IsEndBeforeStart()
    {
        var value = new IndicatorValue
        {
            Value = 3_400_000_000m,
            PeriodStart = new DateOnly(2020, 1, 1),
            PeriodEnd = new DateOnly(2019, 12, 31),
        };

        Rules.Single(value.Check("values[0]"), "end-before-start", "values[0].periodEnd");
    }
}
