using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Records;

public sealed class NoteTests
{
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public void Check_ArabicOrEnglishNote_HasNoErrors(string language)
    {
        Assert.Empty(new Note { Language = language, Text = "…" }.Check());
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("AR")]
    [InlineData("ar-KW")]
    public void Check_OtherLanguage_IsOutOfRange(string language)
    {
        Rules.Single(new Note { Language = language, Text = "…" }.Check(), "out-of-range", "language");
    }

    [Fact]
    public void Check_TextOverMaxLength_IsTooLong()
    {
        var note = new Note { Language = "en", Text = new string('x', Note.MaxLength + 1) };

        Rules.Single(note.Check(), "too-long", "text");
    }

    [Fact]
    public void Check_BlankText_IsRequired()
    {
        Rules.Single(new Note { Language = "en", Text = " " }.Check(), "required", "text");
    }
}
