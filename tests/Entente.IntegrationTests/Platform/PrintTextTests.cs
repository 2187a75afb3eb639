using Entente.Web.Features.Exports;

namespace Entente.IntegrationTests.Platform;

/// <summary>What is printed is the letters themselves, however they were typed or pasted (issue 19).</summary>
public sealed class PrintTextTests
{
    [Theory]
    // Presentation forms pasted from a PDF: «ﺍﻟﻜﻮﻳﺖ».
    [InlineData("\uFE8D\uFEDF\uFEDC\uFEEE\uFEF3\uFE96", "الكويت")]
    // A Persian keyboard's yeh, kaf and heh.
    [InlineData("الکويتی", "الكويتي")]
    [InlineData("ھيئة", "هيئة")]
    // A tatweel that stretches a word goes; one that joins the article to a number stays.
    [InlineData("الكــويت", "الكويت")]
    [InlineData("الدورة الـ16", "الدورة الـ16")]
    // Latin text, digits and marks of direction are left as they are.
    [InlineData("KUNA\u200F، 23 نوفمبر 2020", "KUNA\u200F، 23 نوفمبر 2020")]
    [InlineData("Ministry of Health (MoH)", "Ministry of Health (MoH)")]
    public void Normalize_PrintsTheLettersThemselves(string typed, string printed) => Assert.Equal(printed, PrintText.Normalize(typed));

    [Fact]
    public void ADocument_ForPrint_NormalizesEveryTextItHolds()
    {
        var document = new PrintDocument("ar", "ﺟﺪﻭﻝ", "الکويت", [new PrintHeading("ھيئة"), new PrintParagraph("الكــويت"), new PrintTable(["ﺑﻨﺪ"], [["الکويت"]])], "Entente", "file");

        var printed = document.ForPrint();

        Assert.Equal(("جدول", "الكويت"), (printed.Title, printed.Subtitle));
        Assert.Equal("هيئة", ((PrintHeading)printed.Blocks[0]).Text);
        Assert.Equal("الكويت", ((PrintParagraph)printed.Blocks[1]).Text);
        var table = (PrintTable)printed.Blocks[2];
        Assert.Equal(("بند", "الكويت"), (table.Header[0], table.Rows[0][0]));
    }
}

/// <summary>A range's dash in a right-to-left text is marked so that a text extractor reads the range from its first number.</summary>
public sealed class PrintRangeTests
{
    private const string Rlm = "\u200F";

    [Theory]
    [InlineData("الفترة ١–٥ يناير", "الفترة ١" + Rlm + "–" + Rlm + "٥ يناير")]
    [InlineData("من 2019 – 2020", "من 2019 " + Rlm + "–" + Rlm + " 2020")]
    [InlineData("سبتمبر 2019 – أغسطس 2020", "سبتمبر 2019 " + Rlm + "–" + Rlm + " أغسطس 2020")]
    [InlineData("٢٠٢٠–٢٠٢١", "٢٠٢٠" + Rlm + "–" + Rlm + "٢٠٢١")]
    // After a Latin word the digits read left to right: a mark would move them.
    [InlineData("الخطة FCDO 2019–2020", "الخطة FCDO 2019–2020")]
    // A text that starts in Latin letters is left to right.
    [InlineData("Plan 2019–2020 للصحة", "Plan 2019–2020 للصحة")]
    // A dash between words, and a hyphen in a date, are no ranges.
    [InlineData("الكويت – المملكة المتحدة", "الكويت – المملكة المتحدة")]
    [InlineData("في 2020-11-23", "في 2020-11-23")]
    public void MarkRanges_MarksOnlyTheDashOfARangeInARightToLeftText(string typed, string printed) => Assert.Equal(printed, PrintText.MarkRanges(typed));

    [Fact]
    public void AnEnglishDocument_IsPrintedWithoutMarks()
    {
        var document = new PrintDocument("en", "Plan 2019–2020", null, [new PrintParagraph("Covers ١–٥ January")], "Entente", "file");

        Assert.Equal("Covers ١–٥ January", ((PrintParagraph)document.ForPrint().Blocks[0]).Text);
    }
}
