using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.People;

public sealed class PersonTests
{
    private static PersonName Name(string language, string text, bool preferred = false) =>
        new() { Language = language, Text = text, IsPreferred = preferred };

    private static Person NewPerson(params PersonName[] names) => new() { Names = [.. names] };

    private static Person ValidPerson() => NewPerson(
        Name("ar", "خالد الجارالله", preferred: true),
        Name("en", "Khaled Al-Jarallah", preferred: true),
        Name("en", "Khalid Al Jarallah"));

    [Fact]
    public void Check_OnePreferredNamePerLanguage_HasNoErrors()
    {
        Assert.Empty(ValidPerson().Check());
    }

    [Fact]
    public void Check_NoPreferredEnglishName_RequiresOne()
    {
        var person = NewPerson(Name("ar", "خالد الجارالله", preferred: true), Name("en", "Khaled Al-Jarallah"));

        var error = Rules.Single(person.Check(), "required", "names");
        Assert.Equal("en", Assert.Single(error.Args));
    }

    [Fact]
    public void Check_TwoPreferredArabicNames_RequiresExactlyOne()
    {
        var person = ValidPerson();
        person.Names.Add(Name("ar", "خالد سليمان الجارالله", preferred: true));

        var error = Rules.Single(person.Check(), "required", "names");
        Assert.Equal("ar", Assert.Single(error.Args));
    }

    [Fact]
    public void Check_NoNames_RequiresAName()
    {
        var error = Assert.Single(new Person().Check());

        Assert.Equal(("required", "names"), (error.Code, error.Field));
    }

    [Fact]
    public void Check_ANameInOneLanguageOnly_IsEnough_TheOtherIsAbsentNotInvented()
    {
        var person = new Person { Names = [new PersonName { Language = "ar", Text = "سالم العتيبي", IsPreferred = true }] };

        Assert.Empty(person.Check());
        Assert.Null(person.PreferredName("en"));
    }

    [Fact]
    public void Check_NamesInALanguageWithoutAPreferredOne_IsRefused()
    {
        var person = new Person { Names = [new PersonName { Language = "en", Text = "Salem Al-Otaibi", IsPreferred = false }] };

        Assert.Equal("names", Assert.Single(person.Check()).Field);
    }

    [Fact]
    public void Check_SameSpellingTwiceInOneLanguage_IsDuplicate()
    {
        var person = ValidPerson();
        person.Names.Add(Name("en", "Khalid Al Jarallah"));

        Rules.Single(person.Check(), "duplicate", "names[3].text");
    }

    [Fact]
    public void Check_NameInUnknownLanguage_IsOutOfRange()
    {
        var person = ValidPerson();
        person.Names.Add(Name("fr", "Khaled Al-Jarallah"));

        Rules.Single(person.Check(), "out-of-range", "names[3].language");
    }

    [Fact]
    public void Check_TitleEndingBeforeItStarts_IsEndBeforeStart()
    {
        var person = ValidPerson();
        person.Titles.Add(new PersonTitle
        {
            Title = Sample.Text("Deputy Minister of Foreign Affairs", "نائب وزير الخارجية"),
            From = Sample.Date("2010"),
            To = Sample.Date("2009-12"),
        });

        Rules.Single(person.Check(), "end-before-start", "titles[0].to");
    }

    [Theory]
    [InlineData("ar", "خالد الجارالله")]
    [InlineData("en", "Khaled Al-Jarallah")]
    public void PreferredName_SeveralSpellings_ReturnsThePreferredOne(string language, string expected)
    {
        var person = NewPerson(
            Name("en", "Khalid Al Jarallah"),
            Name("ar", "خالد جار الله"),
            Name("en", "Khaled Al-Jarallah", preferred: true),
            Name("ar", "خالد الجارالله", preferred: true));

        Assert.Equal(expected, person.PreferredName(language));
    }

    [Fact]
    public void PreferredName_NoNameInLanguage_IsNull()
    {
        Assert.Null(NewPerson(Name("en", "Khaled Al-Jarallah", preferred: true)).PreferredName("ar"));
    }
}
