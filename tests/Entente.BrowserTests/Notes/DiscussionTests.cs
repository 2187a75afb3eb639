using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Notes;

/// <summary>A discussion beside an item, as a track lead working in Arabic uses it; and "My items" and the calendar beside a typed date.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class DiscussionTests(DemoSite site)
{
    [Fact]
    public async Task ATrackLead_OpensAnItemFromMyItems_AndAddsANoteInArabic_WhichShowsLastWithItsAuthor()
    {
        var page = await SignIn.AsAsync(site, "track-lead.kw@demo.local", "ar-KW");
        await page.Locator("[data-testid=my-items]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/items/assigned$"));
        var rows = page.Locator("[data-testid=assigned-items] tbody tr");
        Assert.True(await rows.CountAsync() >= 1, "The demo track lead answers for no item.");
        await rows.First.Locator("a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-items/[0-9a-f-]{36}$"));

        const string text = "أرسلنا مسودة الجدول الزمني إلى الجانب البريطاني اليوم.";
        await page.Locator("[data-testid=discussion-text]").FillAsync(text);
        await page.Locator("[data-testid=discussion-submit]").ClickAsync();

        var last = page.Locator("[data-testid=note]").Last;
        await Assertions.Expect(last.Locator(".note-text")).ToHaveTextAsync(text);
        Assert.Matches(new Regex("/action-items/[0-9a-f-]{36}#note-[0-9a-f-]{36}$"), page.Url);
        await Assertions.Expect(last.Locator(".note-text")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(last).ToContainTextAsync("track-lead.kw@demo.local");
        // The page speaks the account's language (another test may have changed it): the demo person's name is in either.
        await Assertions.Expect(page.Locator("[data-testid=assignees]").First).ToContainTextAsync(new Regex("\\((تجريبي|demo)\\)"));
        await page.Locator("#discussion").ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "discussion-ar.png") });
    }

    [Fact]
    public async Task TheCalendarBesideADueDate_FillsTheTypedField_WhichStillTakesArabicDigits()
    {
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        await page.GotoAsync(page.Url + "/action-items/new");

        var button = page.Locator("#due + .date-picker-button");
        await Assertions.Expect(button).ToBeVisibleAsync();
        await Assertions.Expect(button).ToHaveAttributeAsync("aria-label", new Regex("^Calendar: "));
        await page.Locator("#due ~ .date-picker-native").EvaluateAsync("(picker) => { picker.value = '2027-05-09'; picker.dispatchEvent(new Event('change', { bubbles: true })); }");

        await Assertions.Expect(page.Locator("#due")).ToHaveValueAsync("2027-05-09");
        await page.Locator("#due").FillAsync("٢٠٢٧-٠٥-١٠");
        await Assertions.Expect(page.Locator("#due")).ToHaveValueAsync("٢٠٢٧-٠٥-١٠");
    }

    [Fact]
    public async Task AMeetingsTime_IsTypedInItsPlacesZone_AndReadInTheReadersToo()
    {
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local", "ar-KW");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        await page.GotoAsync(page.Url + "/meetings/new");

        await page.Locator("#field-title-ar").FillAsync("اجتماع فريق العمل الصحي");
        await page.Locator("#field-title-en").FillAsync("Health working group");
        var session17 = await page.Locator("#field-sessionId option", new() { HasText = "17" }).First.GetAttributeAsync("value");
        await page.Locator("#field-sessionId").SelectOptionAsync(session17!);
        await page.Locator("#field-date").FillAsync("2027-02-14");
        await page.Locator("#field-startsAt").FillAsync("10:00");
        await page.Locator("#field-endsAt").FillAsync("11:30");
        await page.Locator("#field-timeZone").SelectOptionAsync("Asia/Kuwait");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "meeting-time-edit-ar.png"), FullPage = true });
        await page.Locator("[data-testid=save]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/meetings/[0-9a-f-]{36}$"));
        // The demo's British secretariat reads in London's clock: in February London keeps UTC, three hours behind Kuwait.
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("10:00 (بتوقيت الكويت) · 07:00 (بتوقيت لندن)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "meeting-time-details-ar.png"), FullPage = true });
    }
}
