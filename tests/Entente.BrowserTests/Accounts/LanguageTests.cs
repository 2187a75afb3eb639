using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accounts;

[Collection(DemoSiteCollection.Name)]
public sealed class LanguageTests(DemoSite site)
{
    [Fact]
    public async Task SwitchToArabic_PageIsRightToLeftWithArabicLabels_AndTheChoiceFollowsTheAccount()
    {
        var page = await SignIn.AsAsync(site, "track-lead.kw@demo.local");
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        await page.Locator("[data-testid=switch-language]").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("الرئيسية");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "تسجيل الخروج" })).ToBeVisibleAsync();

        // Layout mirrors by itself: the brand sits at the right edge of the header.
        var brand = await page.Locator(".brand").BoundingBoxAsync();
        Assert.True(brand!.X > 640, $"In Arabic the brand starts on the right; it is at x={brand.X}.");

        // Another browser (English Accept-Language) signing in to the same account gets Arabic.
        var elsewhere = await SignIn.AsAsync(site, "track-lead.kw@demo.local", "en-GB");
        await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        await elsewhere.Locator("[data-testid=switch-language]").ClickAsync();
        await Assertions.Expect(elsewhere.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }

    [Fact]
    public async Task SignInPage_FollowsTheBrowsersLanguage()
    {
        var page = await site.NewPageAsync("ar-KW");
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("label[for=password]")).ToHaveTextAsync("كلمة المرور");
    }
}
