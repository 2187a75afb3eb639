using System.Net;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// The 16th session's joint statement exported as print-ready HTML, DOCX (right-to-left paragraphs
/// and runs for Arabic) and PDF (Arabic shaped by the browser): the text read back from each file
/// is the statement's text, in logical order.
/// </summary>
public abstract partial class StatementExportTests(EntenteApp app)
{
    private async Task<StatementResponse> StatementAsync(HttpClient client)
    {
        var reference = await Reference.LoadAsync(client);
        return await client.GetAsync<StatementResponse>($"/api/sessions/{reference.Session16.Id}/statement");
    }

    private static IReadOnlyList<string> Paragraphs(string text) =>
        text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("en", "ltr")]
    public async Task Html_IsAStandalonePrintPage_InTheLanguagesDirection_WithEveryParagraph(string lang, string dir)
    {
        var client = app.CreateClient();
        var statement = await StatementAsync(client);

        using var response = await client.GetAsync($"/api/statements/{statement.Id}/export?format=html&lang={lang}", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"<html lang=\"{lang}\" dir=\"{dir}\">", html, StringComparison.Ordinal);
        Assert.Contains("@page { size: A4", html, StringComparison.Ordinal);
        Assert.Contains("url(data:font/ttf;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        foreach (var paragraph in Paragraphs(lang == "ar" ? statement.Text.Ar! : statement.Text.En!))
        {
            Assert.Contains("<p>" + WebUtility.HtmlEncode(paragraph) + "</p>", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Docx_Arabic_HasRightToLeftSectionParagraphsAndRuns_AndTheTextInLogicalOrder()
    {
        var client = app.CreateClient();
        var statement = await StatementAsync(client);

        using var response = await client.GetAsync($"/api/statements/{statement.Id}/export?format=docx&lang=ar", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Elements<Paragraph>().ToList();

        Assert.NotNull(body.GetFirstChild<SectionProperties>()?.GetFirstChild<BiDi>());
        Assert.All(paragraphs, p => Assert.NotNull(p.ParagraphProperties?.GetFirstChild<BiDi>()));
        var texts = paragraphs.Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))).ToList();
        foreach (var paragraph in Paragraphs(statement.Text.Ar!))
        {
            Assert.Contains(paragraph, texts);
        }

        var runs = body.Descendants<Run>().Where(r => r.InnerText.Length > 0).ToList();
        Assert.All(runs.Where(r => ArabicLetter().IsMatch(r.InnerText)), r => Assert.NotNull(r.RunProperties?.GetFirstChild<RightToLeftText>()));
        Assert.All(runs.Where(r => LatinLetter().IsMatch(r.InnerText)), r => Assert.Null(r.RunProperties?.GetFirstChild<RightToLeftText>()));
        Assert.Contains(runs, r => r.InnerText.Contains("KUNA", StringComparison.Ordinal));

        // The Arabic is set in a font every Word has, not one the reader's Word would replace.
        var fonts = word.MainDocumentPart!.StyleDefinitionsPart!.Styles!.Descendants<RunFonts>().First();
        Assert.Equal("Arial", fonts.ComplexScript?.Value);
        // No run of Latin text ends in the punctuation or space that follows it in the Arabic sentence.
        Assert.All(runs.Where(r => r.RunProperties?.GetFirstChild<RightToLeftText>() is null && LatinLetter().IsMatch(r.InnerText)), r => Assert.Matches("[A-Za-z0-9]$", r.InnerText));
    }

    [Fact]
    public async Task Docx_English_IsLeftToRight()
    {
        var client = app.CreateClient();
        var statement = await StatementAsync(client);

        using var response = await client.GetAsync($"/api/statements/{statement.Id}/export?format=docx&lang=en", TestContext.Current.CancellationToken);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var body = word.MainDocumentPart!.Document!.Body!;

        Assert.Null(body.GetFirstChild<SectionProperties>()?.GetFirstChild<BiDi>());
        Assert.Contains(Paragraphs(statement.Text.En!)[0], body.Elements<Paragraph>().Select(p => p.InnerText));
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Pdf_TextExtractedByPdftotext_IsTheStatementInLogicalOrder(string lang)
    {
        var client = app.CreateClient();
        var statement = await StatementAsync(client);

        using var response = await client.GetAsync($"/api/statements/{statement.Id}/export?format=pdf&lang={lang}", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);

        var text = PrintedText.Words(await PrintedText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), $"statement-16-{lang}"));

        foreach (var paragraph in Paragraphs(lang == "ar" ? statement.Text.Ar! : statement.Text.En!))
        {
            Assert.Contains(PrintedText.Words(paragraph), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_UnknownFormatOrLanguage_Is400NamingTheParameter()
    {
        var client = app.CreateClient();
        var statement = await StatementAsync(client);

        using var format = await client.GetAsync($"/api/statements/{statement.Id}/export?format=odt&lang=ar", TestContext.Current.CancellationToken);
        using var language = await client.GetAsync($"/api/statements/{statement.Id}/export?format=pdf&lang=fr", TestContext.Current.CancellationToken);

        Assert.Equal("format", (string?)(await format.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        Assert.Equal("lang", (string?)(await language.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    [GeneratedRegex(@"[\u0621-\u064A]")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex(@"[A-Za-z]")]
    private static partial Regex LatinLetter();
}

[Collection(SqliteCollection.Name)]
public sealed class StatementExportTestsOnSqlite(SqliteApp app) : StatementExportTests(app);
