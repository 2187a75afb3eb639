using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Members;

/// <summary>A secretariat, in Arabic, gives a new colleague of its own party the role of track lead from the body's members page; the colleague then works in the body.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class MembersTests(DemoSite site)
{
    [Fact]
    public async Task ASecretariat_GivesItsColleagueATrack_FromTheMembersPage()
    {
        var colleague = await site.CreateAccountAsync("KW", administrator: false);
        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        await Navigate.BodyAsync(kw);
        // Members is under "More" in the body's navigation.
        await kw.Locator("[data-testid=nav-more] summary").ClickAsync();
        await kw.Locator("nav.body-nav a", new() { HasText = "الأعضاء" }).ClickAsync();
        await kw.WaitForURLAsync(MembersUrl());
        await Assertions.Expect(kw.Locator("h1")).ToHaveTextAsync("الأعضاء");
        await Assertions.Expect(kw.Locator("html")).ToHaveAttributeAsync("dir", "rtl");

        var form = kw.Locator("[data-testid=add-member]");
        await form.Locator("select[name=AccountId]").SelectOptionAsync(new SelectOptionValue { Label = $"{colleague.Email} (دولة الكويت)" });
        await form.Locator("select[name=Role]").SelectOptionAsync("track-lead");
        await form.GetByLabel("التعاون الصحي").CheckAsync();
        await form.Locator("button[type=submit]").ClickAsync();
        await kw.WaitForURLAsync(MembersUrl());
        var row = kw.Locator("tr", new() { HasText = colleague.Email });
        await Assertions.Expect(row).ToContainTextAsync("مسؤول مسار");
        await Assertions.Expect(row).ToContainTextAsync("التعاون الصحي");
        await kw.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "members-ar-KW.png"), FullPage = true });

        // The colleague, signed in, finds the body on the home page.
        var page = await site.NewPageAsync();
        await SignIn.WithPasswordAsync(page, colleague);
        await Assertions.Expect(page.Locator("[data-testid=body-link]").First).ToBeVisibleAsync();
    }

    [GeneratedRegex("/bodies/[0-9a-f-]+/members$")]
    private static partial Regex MembersUrl();
}
