using Entente.Web.Features.Exports;

namespace Entente.IntegrationTests.Platform;

/// <summary>The runs of one direction a DOCX paragraph is written in (issue 19): Word lays out each run in its own direction.</summary>
public sealed class DocxSegmentsTests
{
    [Fact]
    public void InAnArabicParagraph_TheClosingBracketOfALatinAbbreviation_IsArabicText()
    {
        var runs = DocxExport.Segments("وزارة الخارجية والكومنولث والتنمية (FCDO) في لندن", paragraphRightToLeft: true).ToList();

        Assert.Equal([("وزارة الخارجية والكومنولث والتنمية (", true), ("FCDO", false), (") في لندن", true)], runs);
    }

    [Fact]
    public void InAnArabicParagraph_AFigureStaysWithItsLatinWord_AndARightToLeftMarkEndsTheLatinRun()
    {
        Assert.Equal([("حالات ", true), ("COVID-19", false), (" في الكويت", true)], DocxExport.Segments("حالات COVID-19 في الكويت", true).ToList());
        Assert.Equal([("(المصدر: ", true), ("KUNA", false), ("\u200F، 23 نوفمبر 2020)", true)], DocxExport.Segments("(المصدر: KUNA\u200F، 23 نوفمبر 2020)", true).ToList());
    }

    [Fact]
    public void InAnEnglishParagraph_AnArabicNameKeepsItsOwnRun_AndTheSpaceAfterItIsEnglish()
    {
        Assert.Equal([("The ", false), ("مجلس الأمة", true), (" (National Assembly) met.", false)], DocxExport.Segments("The مجلس الأمة (National Assembly) met.", false).ToList());
    }
}
