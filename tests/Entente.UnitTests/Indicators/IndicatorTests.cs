using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Indicators;

public sealed class IndicatorTests
{
    private static Indicator NewIndicator(string unit, bool isCurrency) => new()
    {
        Name = Sample.Text("Bilateral trade volume", "حجم التبادل التجاري"),
        Unit = unit,
        IsCurrency = isCurrency,
    };

    [Theory]
    [InlineData("GBP")]
    [InlineData("KWD")]
    public void Check_CurrencyCodeOfThreeCapitals_HasNoErrors(string unit)
    {
        Assert.Empty(NewIndicator(unit, isCurrency: true).Check());
    }

    [Theory]
    [InlineData("gbp")]
    [InlineData("Gbp")]
    [InlineData("GB")]
    [InlineData("GBPX")]
    [InlineData("G8P")]
    [InlineData("ÉUR")]
    [InlineData("pounds")]
    public void Check_CurrencyNotThreeCapitalLetters_IsOutOfRange(string unit)
    {
        Rules.Single(NewIndicator(unit, isCurrency: true).Check(), "out-of-range", "unit");
    }

    [Theory]
    [InlineData("students")]
    [InlineData("percent")]
    public void Check_UnitName_HasNoErrors(string unit)
    {
        Assert.Empty(NewIndicator(unit, isCurrency: false).Check());
    }

    [Fact]
    public void Check_UnitLongerThan40_IsTooLong()
    {
        Rules.Single(NewIndicator(new string('x', 41), isCurrency: false).Check(), "too-long", "unit");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_BlankUnit_IsRequired(bool isCurrency)
    {
        Rules.Single(NewIndicator(" ", isCurrency).Check(), "required", "unit");
    }
}
