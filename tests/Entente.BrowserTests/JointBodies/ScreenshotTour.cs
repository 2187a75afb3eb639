using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.JointBodies;

/// <summary>The main pages in both languages, saved as screenshots for a person to look at.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class ScreenshotTour(DemoSite site)
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ar-KW")]
    public async Task MainPages_Render_AndAreSavedAsScreenshots(string locale)
    {
        var page = await site.NewPageAsync(locale);
        await page.GotoAsync("/account/sign-in");
        await Shoot(page, $"sign-in-{locale}");
        await SignIn.WithPasswordAsync(page, site.Accounts["secretariat.kw@demo.local"]);
        if (await page.Locator("html").GetAttributeAsync("lang") != locale[..2])
        {
            await page.Locator("[data-testid=switch-language]").ClickAsync();
        }

        await Shoot(page, $"home-{locale}");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        var body = new Uri(page.Url).AbsolutePath;

        await page.GotoAsync(body + "/action-items");
        await Shoot(page, $"action-items-{locale}");
        await page.Locator("[data-testid=items] tbody a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-items/[0-9a-f-]{36}$"));
        await Shoot(page, $"action-item-{locale}");
        await page.GotoAsync(page.Url + "/edit");
        await Shoot(page, $"action-item-edit-{locale}");
        await page.GotoAsync(body + "/notes");
        await Shoot(page, $"notes-{locale}");
        await page.GotoAsync(body + "/agreements");
        await page.Locator("[data-testid=records] tbody a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/agreements/[0-9a-f-]{36}$"));
        await Shoot(page, $"agreement-{locale}");
    }

    private static async Task Shoot(IPage page, string name)
    {
        await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
        var file = Path.Combine(DemoSite.ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        Assert.True(new FileInfo(file).Length > 10_000, $"{name}: the screenshot holds a rendered page.");
    }
}
