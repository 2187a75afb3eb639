using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accounts;

[Collection(DemoSiteCollection.Name)]
public sealed class PreferencesTests(DemoSite site)
{
    [Fact]
    public async Task HijriCalendarAndArabicIndicDigits_ChangeHowDatesAndFiguresRead()
    {
        var page = await SignIn.AsAsync(site, "viewer.gb@demo.local");
        await page.GotoAsync("/account");
        await page.Locator("input[name=hijri][value=true]").CheckAsync();
        await page.Locator("input[name=arabicDigits][value=true]").CheckAsync();
        await page.Locator("form[action*=Preferences] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/account", StringComparison.Ordinal));

        // 23 November 2025 is 2 Jumada al-Akhirah 1447 in the Umm al-Qura calendar.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("٢ Jumada al-Akhirah ١٤٤٧ AH");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("٣٫٤ bn GBP");

        await page.Locator("[data-testid=switch-language]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("٢ جمادى الآخرة ١٤٤٧ هـ");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("٣٫٤ مليار جنيه إسترليني");

        // Back to the defaults, for the other tests of this account.
        await page.Locator("input[name=language][value=en]").CheckAsync();
        await page.Locator("input[name=hijri][value=false]").CheckAsync();
        await page.Locator("input[name=arabicDigits][value=false]").CheckAsync();
        await page.Locator("form[action*=Preferences] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("23 November 2025");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "ltr");
    }
}
