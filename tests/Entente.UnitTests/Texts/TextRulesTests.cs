using Entente.Domain;
using Entente.UnitTests.Support;

namespace Entente.UnitTests.Texts;

public sealed class TextRulesTests
{
    [Theory]
    [InlineData("خالد الجارالله")]
    [InlineData("Khaled Al-Jarallah")]
    [InlineData("مُحَمَّد")] // tashkeel on letters
    [InlineData("می\u200Cخواهم")] // Persian with ZWNJ
    [InlineData("\u200Fنص\u200F مع RLM")]
    [InlineData("Kuwait – UK\u061C (ALM)")]
    [InlineData("first line\nsecond line\twith a tab")]
    [InlineData("\U0001F469\u200D\U0001F4BC ZWJ emoji")]
    [InlineData("")]
    [InlineData("   ")]
    public void Check_TextPeopleWrite_IsAccepted(string text)
    {
        Assert.Empty(TextRules.Check(text, "title.ar"));
    }

    [Theory]
    [InlineData("رفض\u202Eضفر")] // right-to-left override
    [InlineData("a\u202Ab")] // left-to-right embedding
    [InlineData("\u2066isolated\u2069")] // isolates
    [InlineData("in\u200Bvisible space")] // zero-width space
    [InlineData("word\u2060joiner")]
    [InlineData("\uFEFFBOM")]
    [InlineData("soft\u00ADhyphen")]
    [InlineData("A\u034Fli")] // combining grapheme joiner
    [InlineData("\u3164")] // Hangul filler: a name that looks empty
    [InlineData("\u2800")] // blank Braille pattern
    [InlineData("line one\u2028line two")] // line separator
    [InlineData("\u200C\u200D")] // joiners alone: a text no one can see
    [InlineData("\u064B\u064C")] // marks on nothing
    [InlineData("nul\0")]
    [InlineData("bell\a")]
    public void Check_ControlInvisibleOrMalformedText_IsInvalidTextNamingTheField(string text)
    {
        Rules.Single(TextRules.Check(text, "title.ar"), RuleCodes.InvalidText, "title.ar");
    }

    [Fact]
    public void Check_ALoneSurrogate_IsInvalidText()
    {
        Rules.Single(TextRules.Check(new string(['a', (char)0xD800, 'b']), "text"), RuleCodes.InvalidText, "text");
    }

    [Fact]
    public void Check_ATitleWithAnOverride_IsRefusedWhereverTheTextIs()
    {
        var title = new BilingualText("مذكرة تفاهم", "MoU on \u202Ehealth");

        Rules.Single(title.Check("title"), RuleCodes.InvalidText, "title.en");
    }
}
