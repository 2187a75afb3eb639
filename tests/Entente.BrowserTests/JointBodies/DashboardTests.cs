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
}
