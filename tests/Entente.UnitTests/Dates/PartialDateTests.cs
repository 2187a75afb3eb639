using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Dates;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData(2020, 11, 23, DateParts.None, "2020-11-23")]
    [InlineData(2020, 11, null, DateParts.None, "2020-11")]
    [InlineData(2020, null, null, DateParts.None, "2020")]
    [InlineData(null, 7, 31, DateParts.None, "--07-31")]
    [InlineData(null, 7, null, DateParts.None, "--07")]
    [InlineData(null, null, 5, DateParts.None, "--??-05")]
    [InlineData(5, 1, 2, DateParts.None, "0005-01-02")]
    [InlineData(2020, 11, 23, DateParts.Day, "2020-11-23 ~day")]
    [InlineData(2020, 11, 23, DateParts.Year | DateParts.Month | DateParts.Day, "2020-11-23 ~year,month,day")]
    [InlineData(null, 7, 31, DateParts.Month | DateParts.Day, "--07-31 ~month,day")]
    public void ToString_KnownParts_WritesCanonicalText(int? year, int? month, int? day, DateParts inferred, string expected)
    {
        var date = new PartialDate(year, month, day, inferred);

        Assert.Equal(expected, date.ToString());
    }

    [Theory]
    [InlineData("2020-11-23", 2020, 11, 23, DateParts.None)]
    [InlineData("2020-11", 2020, 11, null, DateParts.None)]
    [InlineData("2020", 2020, null, null, DateParts.None)]
    [InlineData("--07-31", null, 7, 31, DateParts.None)]
    [InlineData("--??-05", null, null, 5, DateParts.None)]
    [InlineData("2020-11-23 ~year,month,day", 2020, 11, 23, DateParts.Year | DateParts.Month | DateParts.Day)]
    [InlineData("2020-11 ~month", 2020, 11, null, DateParts.Month)]
    public void Parse_CanonicalText_ReadsEachPart(string text, int? year, int? month, int? day, DateParts inferred)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(new PartialDate(year, month, day, inferred), date);
    }

    [Theory]
    [InlineData("2020-11-23")]
    [InlineData("2020-11")]
    [InlineData("2020")]
    [InlineData("--07-31")]
    [InlineData("2020-11-23 ~day")]
    [InlineData("2020-11-23 ~year,month,day")]
    [InlineData("--07-31 ~month,day")]
    public void ToString_ParsedCanonicalText_RoundTrips(string text)
    {
        Assert.Equal(text, PartialDate.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("20x0")]
    [InlineData("+2020")]
    [InlineData("2020 ~week")]
    [InlineData("2020 ~")]
    [InlineData(" ~year")]
    [InlineData("2020-11-23-99")]
    [InlineData("2020-7")]
    [InlineData("2020 ~month,year")]
    [InlineData("2020 ~year,year")]
    [InlineData("99999999999")]
    public void Parse_NonCanonicalText_ThrowsFormatException(string text)
    {
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Of_DateOnly_IsCompleteAndStated()
    {
        var date = PartialDate.Of(new DateOnly(2020, 7, 31));

        Assert.True(date.IsComplete);
        Assert.Equal(DateParts.None, date.Inferred);
        Assert.Equal(new DateOnly(2020, 7, 31), date.AsDate);
    }

    [Theory]
    [InlineData("2020-07")]
    [InlineData("--07-31")]
    public void AsDate_PartialDate_IsNull(string text)
    {
        var date = Sample.Date(text);

        Assert.False(date.IsComplete);
        Assert.Null(date.AsDate);
    }

    [Theory]
    [InlineData("2020-02-29")]
    [InlineData("2020-12")]
    [InlineData("2020")]
    [InlineData("--02-29")]
    [InlineData("--07")]
    [InlineData("2020-11-23 ~year,month,day")]
    public void Check_RealDate_HasNoErrors(string text)
    {
        Assert.Empty(Sample.Date(text).Check("startsOn"));
    }

    [Fact]
    public void Check_Month13_RejectsMonth()
    {
        var date = new PartialDate(2020, 13);

        var error = Rules.Single(date.Check("startsOn"), "out-of-range", "startsOn.month");
        Assert.Equal(new object[] { 1, 12 }, error.Args);
    }

    [Theory]
    [InlineData(2020, 2, 31)]
    [InlineData(2021, 2, 29)]
    [InlineData(2020, 4, 31)]
    [InlineData(2020, 1, 0)]
    public void Check_DayBeyondMonth_RejectsDay(int year, int month, int day)
    {
        var date = new PartialDate(year, month, day);

        Rules.Single(date.Check("signedOn"), "out-of-range", "signedOn.day");
    }

    [Fact]
    public void Check_DayWithoutMonth_IsInvalidDate()
    {
        var date = new PartialDate(2020, null, 5);

        Rules.Single(date.Check("signedOn"), "invalid-date", "signedOn.month");
    }

    [Theory]
    [InlineData(2020, null, null, DateParts.Month)]
    [InlineData(2020, 11, null, DateParts.Day)]
    [InlineData(null, 7, 31, DateParts.Year)]
    public void Check_InferredPartNotHeld_IsInvalidDate(int? year, int? month, int? day, DateParts inferred)
    {
        var date = new PartialDate(year, month, day, inferred);

        Rules.Single(date.Check("signedOn"), "invalid-date", "signedOn.inferred");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1599)]
    [InlineData(2201)]
    [InlineData(9999)]
    [InlineData(10000)]
    public void Check_YearOutOfRange_RejectsYear(int year)
    {
        Rules.Single(new PartialDate(year).Check("established"), "out-of-range", "established.year");
    }

    [Fact]
    public void Check_NothingKnown_IsRequired()
    {
        Rules.Single(new PartialDate(null).Check("established"), "required", "established");
    }

    [Theory]
    [InlineData("2020-11-23", "2020-11-24", -1)]
    [InlineData("2020-11-24", "2020-11-23", 1)]
    [InlineData("2020-11-23", "2020-11-23", 0)]
    [InlineData("2019-12-31", "2020-01-01", -1)]
    [InlineData("2021", "2020-12-31", 1)]
    [InlineData("2020-07", "2020-09", -1)]
    [InlineData("2020-07-31", "2020-09-01", -1)]
    [InlineData("2020", "2020-07", 0)]
    [InlineData("2020-11-23 ~day", "2020-11-23", 0)]
    public void Compare_OrderableDates_OrdersChronologically(string a, string b, int expectedSign)
    {
        var result = PartialDate.Compare(Sample.Date(a), Sample.Date(b));

        Assert.NotNull(result);
        Assert.Equal(expectedSign, Math.Sign(result.Value));
    }

    [Theory]
    [InlineData("2020-07-31", "--07-31")]
    [InlineData("--07-31", "2020")]
    [InlineData("--07", "--??-05")]
    [InlineData("--12-28", "--01-03")]
    public void Compare_Incomparable_IsNull(string a, string b)
    {
        Assert.Null(PartialDate.Compare(Sample.Date(a), Sample.Date(b)));
    }

    [Fact]
    public void AsDate_ImpossibleFullDate_IsNull() =>
        Assert.Null(new PartialDate(2020, 2, 31).AsDate);

    [Theory]
    [InlineData(2020, null, null, "2020-01-01", "2020-12-31")]
    [InlineData(2024, 2, null, "2024-02-01", "2024-02-29")]
    [InlineData(2023, 2, null, "2023-02-01", "2023-02-28")]
    [InlineData(2020, 11, 23, "2020-11-23", "2020-11-23")]
    public void FirstAndLastDay_SpanWhatIsKnown(int year, int? month, int? day, string first, string last) =>
        Assert.Equal((DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)),
            (new PartialDate(year, month, day).FirstDay!.Value, new PartialDate(year, month, day).LastDay!.Value));

    [Fact]
    public void FirstAndLastDay_WithoutAYear_AreNone() =>
        Assert.Equal(((DateOnly?)null, (DateOnly?)null), (new PartialDate(null, 7, 31).FirstDay, new PartialDate(null, 7, 31).LastDay));
}
