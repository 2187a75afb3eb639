using Entente.Domain;

namespace Entente.UnitTests.Texts;

public sealed class BilingualTextTests
{
    [Fact]
    public void Check_BothLanguagesPresent_HasNoErrors()
    {
        var text = new BilingualText("اللجنة المشتركة", "Joint Committee");

        Assert.Empty(text.Check("title"));
    }

    [Theory]
    [InlineData("", "Joint Committee", "title.ar")]
    [InlineData("   ", "Joint Committee", "title.ar")]
    [InlineData("اللجنة المشتركة", "", "title.en")]
    [InlineData("اللجنة المشتركة", " \t", "title.en")]
    public void Check_OneLanguageMissing_IsATranslationPending_RequiredOnlyWhereTheTextBinds(string ar, string en, string expectedField)
    {
        var text = new BilingualText(ar, en);

        Assert.Empty(text.Check("title"));
        Assert.Equal(expectedField[^2..], text.Pending);
        Assert.False(text.IsComplete);
        var error = Assert.Single(text.CheckComplete("title"));
        Assert.Equal(("translation-pending", expectedField), (error.Code, error.Field));
    }

    [Fact]
    public void BothLanguages_AreComplete_NothingPending()
    {
        var text = new BilingualText("اللجنة المشتركة", "Joint Committee");

        Assert.True(text.IsComplete);
        Assert.Null(text.Pending);
        Assert.Empty(text.CheckComplete("title"));
    }

    [Fact]
    public void Check_BothLanguagesMissing_ReportsArabicThenEnglish()
    {
        var errors = new BilingualText("", "").Check("name").ToList();

        Assert.Equal(new[] { "name.ar", "name.en" }, errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("required", e.Code));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public void Check_LongerThanTitleLimit_FlagsTooLongWithFieldPath(string language)
    {
        var tooLong = new string('x', BilingualText.MaxTitleLength + 1);
        var text = language == "ar" ? new BilingualText(tooLong, "Title") : new BilingualText("عنوان", tooLong);

        var error = Assert.Single(text.Check("title"));

        Assert.Equal("too-long", error.Code);
        Assert.Equal($"title.{language}", error.Field);
        Assert.Equal(BilingualText.MaxTitleLength, Assert.Single(error.Args));
    }

    [Fact]
    public void Check_ExactlyTitleLimit_IsAccepted()
    {
        var text = new BilingualText(new string('ع', 500), new string('x', 500));

        Assert.Empty(text.Check("title"));
    }

    [Fact]
    public void Check_ProseLongerThanTitleLimit_IsAcceptedUnderProseLimit()
    {
        var prose = new string('x', 5_000);
        var text = new BilingualText(prose, prose);

        Assert.Empty(text.Check("summary", BilingualText.MaxProseLength));
        Assert.Equal(2, text.Check("summary").Count());
    }

    [Theory]
    [InlineData("ar", "عنوان")]
    [InlineData("ar-KW", "عنوان")]
    [InlineData("AR", "عنوان")]
    [InlineData("en", "Title")]
    [InlineData("en-GB", "Title")]
    [InlineData("fr", "Title")]
    public void In_Language_PicksArabicOnlyForArabic(string language, string expected)
    {
        var text = new BilingualText("عنوان", "Title");

        Assert.Equal(expected, text.In(language));
    }

    [Fact]
    public void Equals_SameTextsInBothLanguages_AreEqual()
    {
        Assert.Equal(new BilingualText("عنوان", "Title"), new BilingualText("عنوان", "Title"));
        Assert.NotEqual(new BilingualText("عنوان", "Title"), new BilingualText("عنوان", "title"));
    }
}
