using System.Text;
using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Documents;

/// <summary>A document's files in the browser: a new document, a refused file with its reason in Arabic, then two versions uploaded and one downloaded byte for byte; the UK reads the joint document's files.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class DocumentVersionsTests(DemoSite site)
{
    [Fact]
    public async Task NewDocument_InArabic_RefusesAProgram_TakesTwoVersions_AndDownloadsTheFirst()
    {
        var page = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        var body = await Navigate.BodyAsync(page);
        await page.GotoAsync($"{body}/documents/new");
        await page.Locator("#field-title-ar").FillAsync("محضر الاجتماع التحضيري");
        await page.Locator("#field-title-en").FillAsync("Minutes of the preparatory meeting");
        await page.Locator("#field-kind").SelectOptionAsync("minutes");
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        Assert.True(DocumentUrl().IsMatch(page.Url), "The document was not saved: " + string.Join(" | ", await page.Locator(".form-errors, .field-error").AllInnerTextsAsync()));
        var document = new Uri(page.Url).AbsolutePath;

        await page.Locator("[data-testid=versions]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/versions", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=no-versions]")).ToBeVisibleAsync();

        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "setup.exe", MimeType = "application/octet-stream", Buffer = Encoding.ASCII.GetBytes("MZ a program") });
        await page.Locator("[data-testid=upload]").ClickAsync();
        var error = page.Locator("#err-file");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.Matches(ArabicLetters(), await error.InnerTextAsync());
        await Assertions.Expect(page.Locator("[data-testid=no-versions]")).ToBeVisibleAsync();

        var first = Encoding.ASCII.GetBytes("%PDF-1.7\n% preparatory meeting, first draft\n%%EOF\n");
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "محضر - مسودة أولى.pdf", MimeType = "application/pdf", Buffer = first });
        await page.Locator("[data-testid=upload]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=versions] tbody tr")).ToHaveCountAsync(1);
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "minutes-final.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.7\n% final\n%%EOF\n") });
        await page.Locator("[data-testid=upload]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=versions] tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("[data-testid=versions] tbody tr").First).ToContainTextAsync("minutes-final.pdf");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "document-versions-ar.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=versions] tbody tr").Nth(1).Locator("a").ClickAsync());
        Assert.Equal("محضر - مسودة أولى.pdf", download.SuggestedFilename);
        Assert.Equal(first, await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));

        // The document's page names its latest file; the UK secretariat reads the joint document and its files too.
        await page.GotoAsync(document);
        await Assertions.Expect(page.Locator("[data-testid=latest-file]")).ToContainTextAsync("minutes-final.pdf");
        var uk = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        await uk.GotoAsync(document + "/versions");
        await Assertions.Expect(uk.Locator("[data-testid=versions] tbody tr")).ToHaveCountAsync(2);
        var ukDownload = await uk.RunAndWaitForDownloadAsync(() => uk.Locator("[data-testid=versions] tbody tr").Nth(1).Locator("a").ClickAsync());
        Assert.Equal(first, await File.ReadAllBytesAsync(await ukDownload.PathAsync(), TestContext.Current.CancellationToken));
    }

    [GeneratedRegex("/documents/[0-9a-f-]{36}$")]
    private static partial Regex DocumentUrl();

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();
}
