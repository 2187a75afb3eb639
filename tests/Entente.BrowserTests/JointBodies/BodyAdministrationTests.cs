using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.JointBodies;

/// <summary>An instance administrator records a new joint body on its page, in Arabic: kind, name, parties in order, the other names it goes by; a body of one party is refused beside the parties.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class BodyAdministrationTests(DemoSite site)
{
    [Fact]
    public async Task AnAdministrator_RecordsANewBody_WithItsOtherNames_AndOnePartyIsRefused()
    {
        var admin = await site.CreateAccountAsync("KW", administrator: true);
        var page = await site.NewPageAsync("ar-KW", baseUrl: site.LocalhostUrl);
        await VirtualAuthenticator.AddToAsync(page);
        await SignIn.PasswordFormAsync(page, admin);
        await page.WaitForURLAsync(url => url.Contains("/account/enrol", StringComparison.Ordinal));
        await page.Locator("#passkeyName").FillAsync("حاسوب الإدارة");
        await page.Locator("[data-testid=enrol-passkey]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));

        await page.GotoAsync("/");
        await page.Locator("[data-testid=new-body]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        var suffix = Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#kind").SelectOptionAsync("strategic-dialogue");
        await page.Locator("#name-ar").FillAsync("الحوار الاستراتيجي الكويتي البريطاني للطاقة " + suffix);
        await page.Locator("#name-en").FillAsync("Kuwait–UK Energy Dialogue " + suffix);
        await page.Locator("#party-0").SelectOptionAsync(new SelectOptionValue { Label = "دولة الكويت" });
        await page.Locator("#frequency").SelectOptionAsync("annual");
        await page.Locator("select[name='Variants[0].Language']").SelectOptionAsync("ar");
        await page.Locator("input[name='Variants[0].Text']").FillAsync("لجنة الحوار في مجال الطاقة");
        await page.Locator("input[name='Variants[0].From']").FillAsync("٢٠١٩");
        await page.Locator("[data-testid=save]").ClickAsync();

        // One party is no joint body: said beside the parties, in Arabic, and nothing is recorded.
        var parties = page.Locator("[data-testid=body-parties]");
        await Assertions.Expect(parties.Locator(".field-error")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("input[name='Variants[0].Text']")).ToHaveValueAsync("لجنة الحوار في مجال الطاقة");
        await page.Locator("#party-1").SelectOptionAsync(new SelectOptionValue { Label = "المملكة المتحدة" });
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForURLAsync(DashboardUrl());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("الحوار الاستراتيجي الكويتي البريطاني للطاقة " + suffix);

        // Opened again, the body holds what was typed: its other name with its year, its rhythm.
        await page.Locator("[data-testid=edit-body]").ClickAsync();
        await Assertions.Expect(page.Locator("input[name='Variants[0].Text']")).ToHaveValueAsync("لجنة الحوار في مجال الطاقة");
        await Assertions.Expect(page.Locator("input[name='Variants[0].From']")).ToHaveValueAsync("2019");
        await Assertions.Expect(page.Locator("#frequency")).ToHaveValueAsync("annual");
        await Assertions.Expect(page.Locator("#party-1")).Not.ToHaveValueAsync(string.Empty);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "body-edit-ar.png"), FullPage = true });
    }

    [GeneratedRegex("/bodies/[0-9a-f-]+$")]
    private static partial Regex DashboardUrl();
}
