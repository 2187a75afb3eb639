using Entente.Domain;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.Platform;

/// <summary>The statement's prose from facts alone: what happened is told as done, a date as precisely as known, figures as a reader reads them.</summary>
public sealed class StatementWriterTests
{
    private static SessionFacts Facts(
        PartialDate? startsOn = null,
        PartialDate? endsOn = null,
        IReadOnlyList<EngagementFacts>? engagements = null,
        IReadOnlyList<IndicatorFacts>? indicators = null) => new(
        new BilingualText("اللجنة المشتركة التجريبية", "Test Joint Committee"),
        null,
        null,
        [new BilingualText("دولة الكويت", "the State of Kuwait"), new BilingualText("جمهورية مصر العربية", "the Arab Republic of Egypt")],
        14,
        2022,
        startsOn,
        endsOn,
        SessionStatus.Concluded,
        null,
        null,
        null,
        [],
        [],
        [],
        [],
        indicators ?? [],
        engagements ?? [],
        [],
        null,
        new HashSet<string>(StringComparer.Ordinal));

    [Fact]
    public void AnEngagementAlreadyHeld_IsToldAsHeld_WithItsDays_AndOnePlannedAsAgreed()
    {
        var text = StatementWriter.Write(Facts(engagements:
        [
            new EngagementFacts(new BilingualText("أسبوع التجارة والاستثمار", "Trade and Investment Week"), EngagementStatus.Held, new PartialDate(2022, 11, 19), new PartialDate(2022, 11, 23)),
            new EngagementFacts(new BilingualText("منتدى الأعمال", "Business Forum"), EngagementStatus.Planned, new PartialDate(2023, 3)),
        ]));

        Assert.Contains("The two sides noted that the Trade and Investment Week (19–23 November 2022) was held.", text.En, StringComparison.Ordinal);
        Assert.Contains("The two sides agreed to hold the Business Forum (March 2023).", text.En, StringComparison.Ordinal);
        Assert.Contains("ونوّه الجانبان بتنظيم أسبوع التجارة والاستثمار (من 19 نوفمبر 2022 إلى 23 نوفمبر 2022).", text.Ar, StringComparison.Ordinal);
        Assert.Contains("واتفق الجانبان على تنظيم منتدى الأعمال (مارس 2023)", text.Ar, StringComparison.Ordinal);
        Assert.DoesNotContain("agreed to hold the Trade", text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Joint investment", "joint investment")]
    [InlineData("Trade and Investment Week", "Trade and Investment Week")]
    [InlineData("UK Export Finance", "UK Export Finance")]
    [InlineData("Number of students", "number of students")]
    public void ANameInTitleCase_StaysSo_AndACommonPhraseIsLowered(string name, string shown)
    {
        var text = StatementWriter.Write(Facts(indicators:
            [new IndicatorFacts(new BilingualText("اسم", name), 5, "USD", true, null, null, null, null, Period: new PartialDate(2021))]));

        Assert.Contains("welcomed " + shown + " of", text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEngagementOverTwoMonths_ShowsBothDays()
    {
        var text = StatementWriter.Write(Facts(engagements:
            [new EngagementFacts(new BilingualText("الأسبوع الثقافي", "Cultural Week"), EngagementStatus.Held, new PartialDate(2022, 10, 30), new PartialDate(2022, 11, 2))]));

        Assert.Contains("(30 October 2022 – 2 November 2022) was held.", text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2022, 9, null, "concluded its 14th session of 2022 in September.", "أعمال دورتها الـ14 لعام 2022 في سبتمبر.")]
    [InlineData(2022, 9, 5, "concluded its 14th session of 2022 on 5 September.", "أعمال دورتها الـ14 لعام 2022 يوم 5 سبتمبر.")]
    [InlineData(2023, 1, null, "concluded its 14th session of 2022 in January 2023.", "أعمال دورتها الـ14 لعام 2022 في يناير 2023.")]
    public void ASessionOfOneDayOrOfAMonthAlone_SaysWhen(int year, int month, int? day, string english, string arabic)
    {
        var date = new PartialDate(year, month, day);

        var text = StatementWriter.Write(Facts(date, date));

        Assert.Contains(english, text.En, StringComparison.Ordinal);
        Assert.Contains(arabic, text.Ar, StringComparison.Ordinal);
    }

    [Fact]
    public void ASessionKnownByItsYearAlone_SaysNoMore()
    {
        var text = StatementWriter.Write(Facts(new PartialDate(2022), new PartialDate(2022)));

        Assert.Contains("concluded its 14th session of 2022.", text.En, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4_000_000_000, "4 مليارات دولار أمريكي", "$4 billion")]
    [InlineData(3_000_000, "3 ملايين دولار أمريكي", "$3 million")]
    [InlineData(11_000_000, "11 مليون دولار أمريكي", "$11 million")]
    [InlineData(2_500_000_000, "2.5 مليار دولار أمريكي", "$2.5 billion")]
    [InlineData(600_000, "600,000 دولار أمريكي", "$600,000")]
    public void Figures_ReadAsWritten_PluralsFromThreeToTen_AndThousandsGrouped(decimal value, string arabic, string english)
    {
        var text = StatementWriter.Write(Facts(indicators:
            [new IndicatorFacts(new BilingualText("الاستثمارات المشتركة", "Joint investment"), value, "USD", true, null, null, null, null, Period: new PartialDate(2021))]));

        Assert.Contains("لبلوغ الاستثمارات المشتركة " + arabic, text.Ar, StringComparison.Ordinal);
        Assert.Contains(english, text.En, StringComparison.Ordinal);
    }

    [Fact]
    public void CountedWorkers_AreCountedInArabic()
    {
        var text = StatementWriter.Write(Facts(indicators:
            [new IndicatorFacts(new BilingualText("العمالة", "Workers"), 600_000, "workers", false, null, null, null, null, FigureQualifier.About, Period: new PartialDate(2021))]));

        Assert.Contains("نحو 600,000 عامل", text.Ar, StringComparison.Ordinal);
        Assert.DoesNotContain("workers", text.Ar, StringComparison.Ordinal);
    }
}
