using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.JointBodies;

[Collection(DemoSiteCollection.Name)]
public sealed class DashboardTests(DemoSite site)
{
    [Theory]
    [InlineData("en-GB", "ltr", "Progress per track", "3.4 bn GBP")]
    [InlineData("ar-KW", "rtl", "التقدم في كل مسار", "3.4 مليار جنيه إسترليني")]
    public async Task Dashboard_ShowsChartsAndFigures_InTheReadersLanguage(string locale, string dir, string progressHeading, string tradeFigure)
    {
        var page = await SignIn.AsAsync(site, "co-chair.kw@demo.local", locale);
        if (await page.Locator("html").GetAttributeAsync("dir") != dir)
        {
            await page.Locator("[data-testid=switch-language]").ClickAsync();
        }

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", dir);
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));

        await Assertions.Expect(page.Locator("#progress-h")).ToHaveTextAsync(progressHeading);
        var chart = page.Locator("[data-testid=progress-chart]");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("rect").CountAsync() > 0, "The progress chart draws bars.");
        Assert.Equal("img", await chart.GetAttributeAsync("role"));
        await Assertions.Expect(page.Locator("[data-testid=indicator-value]").Last).ToHaveTextAsync(tradeFigure);
        await Assertions.Expect(page.Locator("[data-testid=next-session]")).ToContainTextAsync("17");
        await Assertions.Expect(page.Locator("[data-testid=pipeline]")).ToBeVisibleAsync();

        var file = Path.Combine(DemoSite.ScreenshotDir, $"dashboard-{locale}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, "The screenshot holds a rendered page.");
        TestContext.Current.SendDiagnosticMessage($"Screenshot: {file}");
    }

    [Fact]
    public async Task Dashboard_OnATablet_FitsTheScreenWithoutSidewaysScrolling()
    {
        var page = await site.NewPageAsync("ar-KW", width: 820, height: 1180);
        await SignIn.WithPasswordAsync(page, site.Accounts["secretariat.kw@demo.local"]);
        if (await page.Locator("html").GetAttributeAsync("dir") != "rtl")
        {
            await page.Locator("[data-testid=switch-language]").ClickAsync();
        }

        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page is wider than the tablet's screen.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "dashboard-tablet-ar.png"), FullPage = true });
    }

    [Fact]
    public async Task RecordPage_Printed_ShowsTheRecordWithoutNavigationOrForms()
    {
        var page = await SignIn.AsAsync(site, "viewer.kw@demo.local");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        await page.Locator("main .list-plain a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-items/[0-9a-f-]{36}$"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Assertions.Expect(page.Locator(".site-header")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("main form").First).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=item-title]")).ToBeVisibleAsync();
        var pdf = Path.Combine(DemoSite.ScreenshotDir, "action-item-print.pdf");
        await page.PdfAsync(new PagePdfOptions { Path = pdf, Format = "A4" });
        Assert.True(new FileInfo(pdf).Length > 5_000, "The printed page holds the record.");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "action-item-print.png"), FullPage = true });
    }
}
