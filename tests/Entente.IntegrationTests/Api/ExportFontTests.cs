using System.Globalization;
using System.Text;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// The printed Arabic face is the one whose PDFs read back whole: every word that carries a diacritic
/// (a shadda, a damma, a sukun) comes back from pdftotext as one word, and a range of numbers from its
/// first number (issue 19). A face that splits «موقّعة» into «موّق عة» fails here, as Noto Naskh Arabic did.
/// (A letter that carries two marks, a shadda and a vowel, «الصِّحَّة», still reads back split with every face tried.)
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ExportFontTests(SqliteApp app)
{
    /// <summary>Words with marks, as a minutes or a statement writes them.</summary>
    private static readonly string[] Vocalised =
    [
        "موقّعة", "تُنشر", "مُذكّرة", "الدوليّة", "يُعقد", "مؤتمَر", "شُكر", "تعاوُن", "الثّنائي", "قُدُماً", "مُسبقاً",
        // No marks, but a reh before a yeh: a face's kerning tucks them together, and extractors split them.
        "البريطانية", "تاريخية", "بريد",
    ];

    private static string Bare(string word) => new([.. word.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && c is not ('\u200E' or '\u200F' or '\u202A' or '\u202B' or '\u202C'))]);

    [Fact]
    public async Task ArabicWordsWithDiacritics_AndRanges_ReadBackWholeAndInOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        var paragraphs = new List<PrintBlock>
        {
            new PrintParagraph("الخطة " + string.Join(" و", Vocalised.Take(6)) + "."),
            new PrintParagraph("ثم " + string.Join(" ثم ", Vocalised.Skip(6).Take(5)) + "."),
            new PrintParagraph("وأيضاً " + string.Join(" و", Vocalised.Skip(11)) + "."),
            new PrintParagraph("الفترة ١–٥ يناير، والسنوات ٢٠٢٠ – ٢٠٢٢، ومن سبتمبر 2019 – أغسطس 2020."),
        };
        var document = new PrintDocument("ar", "اختبار الخط المطبوع", null, paragraphs, "Entente", "font-test");
        ExportedFile file;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            file = await scope.ServiceProvider.GetRequiredService<DocumentExports>().RenderAsync(document, ExportFormat.Pdf, ct);
        }

        var text = await PrintedText.ExtractAsync(file.Content, "font-test-ar");
        var words = text.Split([' ', '\n', '\r', '\t', '،', '.', '\u00A0'], StringSplitOptions.RemoveEmptyEntries).Select(Bare).ToHashSet(StringComparer.Ordinal);

        var split = Vocalised.Select(Bare).Where(w => !words.Contains(w) && !words.Contains("و" + w)).ToList();
        Assert.True(split.Count == 0, $"These words come back split from the PDF: {string.Join(" ", split)}\n{text}");
        var bare = Bare(text);
        Assert.True(bare.IndexOf('١', StringComparison.Ordinal) < bare.IndexOf('٥', StringComparison.Ordinal), $"The range ١–٥ reads backwards: {text}");
        Assert.True(bare.IndexOf("٢٠٢٠", StringComparison.Ordinal) < bare.IndexOf("٢٠٢٢", StringComparison.Ordinal), $"The range ٢٠٢٠ – ٢٠٢٢ reads backwards: {text}");
        Assert.True(bare.IndexOf("2019", StringComparison.Ordinal) < bare.IndexOf("2020", StringComparison.Ordinal), $"The range 2019 – 2020 reads backwards: {text}");
    }
}
