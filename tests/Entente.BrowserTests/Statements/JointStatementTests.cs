using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Statements;

/// <summary>The 16th session's joint statement in the browser: read in both languages, edited, approved by each side, published and locked; its PDF downloaded.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class JointStatementTests(DemoSite site)
{
    [Fact]
    public async Task Statement_EditedApprovedByBothSidesAndPublished_IsLocked()
    {
        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        var statement = await OpenStatementAsync(kw);
        await Assertions.Expect(kw.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(kw.Locator("[data-testid=statement-ar]")).ToContainTextAsync("اختتمت مجموعة التوجيه الكويتية البريطانية المشتركة");
        await Assertions.Expect(kw.Locator("[data-testid=statement-en]")).ToContainTextAsync("concluded its 16th session of 2020");
        await Assertions.Expect(kw.Locator("[data-testid=statement-ar]")).ToHaveAttributeAsync("dir", "rtl");
        await kw.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "statement-ar-KW.png"), FullPage = true });

        // Kuwait approves; the UK edits a sentence, which withdraws Kuwait's approval.
        await kw.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=approvals]")).ToContainTextAsync("وافق");
        var gb = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        await gb.GotoAsync(statement);
        await gb.Locator("[data-testid=edit-statement]").ClickAsync();
        var english = gb.Locator("#text-en");
        await english.FillAsync((await english.InputValueAsync()) + "\n\nThe two sides thanked the secretariats for their work.");
        await gb.Locator("[data-testid=save]").ClickAsync();
        await gb.WaitForURLAsync(new Regex("/statement$"));
        await Assertions.Expect(gb.Locator("[data-testid=statement-en]")).ToContainTextAsync("thanked the secretariats");
        await Assertions.Expect(gb.Locator("[data-testid=approvals]")).Not.ToContainTextAsync("approved on");

        await gb.Locator("[data-testid=approve]").ClickAsync();
        await Assertions.Expect(gb.Locator("[data-testid=publish]")).ToHaveCountAsync(0);
        await kw.GotoAsync(statement);
        await kw.Locator("[data-testid=approve]").ClickAsync();
        await kw.Locator("[data-testid=publish]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=statement-status]")).ToHaveTextAsync("منشور");
        await Assertions.Expect(kw.Locator("[data-testid=edit-statement]")).ToHaveCountAsync(0);
        await Assertions.Expect(kw.Locator("[data-testid=regenerate]")).ToHaveCountAsync(0);

        var download = await kw.RunAndWaitForDownloadAsync(() => kw.Locator("[data-testid=export-pdf-ar]").ClickAsync());
        var file = Path.Combine(DemoSite.ScreenshotDir, "statement-16-ar.pdf");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));

        await gb.GotoAsync(statement);
        await Assertions.Expect(gb.Locator("[data-testid=statement-status]")).ToHaveTextAsync("Published");
        await gb.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "statement-published-en-GB.png"), FullPage = true });
    }

    private static async Task<string> OpenStatementAsync(IPage page)
    {
        await Navigate.SessionAsync(page, 16);
        await page.Locator("[data-testid=statement]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/statement$"));
        return new Uri(page.Url).AbsolutePath;
    }
}
