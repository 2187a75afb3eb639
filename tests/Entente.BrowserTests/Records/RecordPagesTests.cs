using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Records;

[Collection(DemoSiteCollection.Name)]
public sealed partial class RecordPagesTests(DemoSite site)
{
    private static readonly string[] Kinds = ["sessions", "meetings", "tracks", "agreements", "obstacles", "indicators", "engagements", "action-plans", "documents", "sources"];

    [Theory]
    [InlineData("en-GB")]
    [InlineData("ar-KW")]
    public async Task EveryKind_ListDetailsAndEditPages_ShowTheReferenceRecords(string locale)
    {
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local", locale);
        var body = await BodyAsync(page);
        foreach (var kind in Kinds)
        {
            var list = await page.GotoAsync($"{body}/{kind}");
            Assert.Equal(200, list!.Status);
            var first = page.Locator("[data-testid=records] tbody tr a").First;
            await Assertions.Expect(first).ToBeVisibleAsync();
            var name = (await first.InnerTextAsync()).Trim();
            Assert.False(string.IsNullOrEmpty(name), $"The {kind} list names its records.");

            await first.ClickAsync();
            await page.WaitForURLAsync(new Regex($"/{kind}/[0-9a-f-]{{36}}$"));
            await Assertions.Expect(page.Locator("[data-testid=record-title]")).ToHaveTextAsync(name);

            var edit = await page.GotoAsync(page.Url + "/edit");
            Assert.Equal(200, edit!.Status);
            // A record of a concluded session is shown read-only, saying where the session is reopened; any other is saved from here.
            if (await page.Locator("[data-testid=session-concluded]").CountAsync() > 0)
            {
                await Assertions.Expect(page.Locator("form [data-testid=save]")).ToHaveCountAsync(0);
                await Assertions.Expect(page.Locator("form fieldset.plain input:not([type=hidden]), form fieldset.plain select").First).ToBeDisabledAsync();
            }
            else
            {
                await Assertions.Expect(page.Locator("form [data-testid=save]")).ToBeVisibleAsync();
            }
        }

        await page.GotoAsync($"{body}/engagements");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, $"engagements-{locale}.png"), FullPage = true });
    }

    [Fact]
    public async Task NewObstacle_InArabic_WithAnImpossibleDate_ShowsTheErrorThenSaves()
    {
        var page = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        var body = await BodyAsync(page);
        await page.GotoAsync($"{body}/obstacles/new");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await page.Locator("#field-title-ar").FillAsync("تأخر تبادل البيانات الصحية");
        await page.Locator("#field-title-en").FillAsync("Delay in exchanging health data");
        await page.Locator("#field-status").SelectOptionAsync("open");
        await page.Locator("#field-trackId").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#field-raisedOn").FillAsync("٢٠٢٦-١٣-٠١");
        await page.Locator("[data-testid=save]").ClickAsync();

        var error = page.Locator("#err-raisedOn");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.Matches(ArabicLetters(), await error.InnerTextAsync());
        await Assertions.Expect(page.Locator("#field-title-ar")).ToHaveValueAsync("تأخر تبادل البيانات الصحية");

        await page.Locator("#field-raisedOn").FillAsync("٢٠٢٦-١١-٠١");
        await page.Locator("input[name=visibility][value=national]").CheckAsync();
        await SaveAsync(page, "obstacles");
        await Assertions.Expect(page.Locator("[data-testid=record-title]")).ToHaveTextAsync("تأخر تبادل البيانات الصحية");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("1 نوفمبر 2026");
        await Assertions.Expect(page.Locator("[data-testid=visibility]")).ToContainTextAsync("وطني");
        var url = page.Url;

        // A national obstacle of Kuwait does not exist for the UK.
        var uk = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var response = await uk.GotoAsync(url);
        Assert.Equal(404, response!.Status);
    }

    [Fact]
    public async Task EditEngagement_AfterAnotherPersonSaved_ShowsTheirChangeAndKeepsMine()
    {
        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local");
        var gb = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var body = await BodyAsync(kw);
        await kw.GotoAsync($"{body}/engagements");
        await kw.Locator("[data-testid=records] tbody tr a").First.ClickAsync();
        await kw.WaitForURLAsync(new Regex("/engagements/[0-9a-f-]{36}$"));
        var url = kw.Url;

        await kw.GotoAsync(url + "/edit");
        await gb.GotoAsync(url + "/edit");
        await gb.Locator("#field-place-ar").FillAsync("مدينة الكويت، قصر بيان");
        await gb.Locator("#field-place-en").FillAsync("Kuwait City, Bayan Palace");
        await SaveAsync(gb, "engagements");

        await kw.Locator("#field-description-en").FillAsync("Rescheduled by the two secretariats.");
        await kw.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=conflict] [data-testid=theirs]")).ToContainTextAsync("Kuwait City, Bayan Palace");
        await Assertions.Expect(kw.Locator("#field-place-en")).ToHaveValueAsync("Kuwait City, Bayan Palace");
        await Assertions.Expect(kw.Locator("#field-description-en")).ToHaveValueAsync("Rescheduled by the two secretariats.");
        await SaveAsync(kw, "engagements");
        await Assertions.Expect(kw.Locator(".facts")).ToContainTextAsync("Kuwait City, Bayan Palace");
        await Assertions.Expect(kw.Locator(".facts")).ToContainTextAsync("Rescheduled by the two secretariats.");
    }

    [Fact]
    public async Task People_FoundByAnArabicSpelling_AreShownInTheReadersLanguage()
    {
        var page = await SignIn.AsAsync(site, "viewer.gb@demo.local");
        await page.GotoAsync("/people");
        var all = await page.Locator("[data-testid=people] tbody tr").CountAsync();

        await page.Locator("#f-name").FillAsync("الجارالله");
        await page.Locator("#f-name").DispatchEventAsync("change");
        await Assertions.Expect(page.Locator("[data-testid=people] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=people] tbody tr td").First).ToContainTextAsync("Khaled Al-Jarallah");
        Assert.True(all > 1, "The reference case has several people.");
    }

    /// <summary>Saves the form and waits for the record's page; a form that comes back with messages fails the test with them.</summary>
    private static async Task SaveAsync(IPage page, string kind)
    {
        await page.Locator("[data-testid=save]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var errors = page.Locator(".form-errors, .field-error");
        if (!Regex.IsMatch(page.Url, $"/{kind}/[0-9a-f-]{{36}}$") && await errors.CountAsync() > 0)
        {
            Assert.Fail("The save was refused: " + string.Join(" | ", await errors.AllInnerTextsAsync()));
        }

        if (!Regex.IsMatch(page.Url, $"/{kind}/[0-9a-f-]{{36}}$") && await page.Locator("main").CountAsync() == 0)
        {
            Assert.Fail("The save failed: " + (await page.ContentAsync())[..Math.Min(2000, (await page.ContentAsync()).Length)]);
        }

        await page.WaitForURLAsync(new Regex($"/{kind}/[0-9a-f-]{{36}}$"));
    }

    private static async Task<string> BodyAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        return new Uri(page.Url).AbsolutePath;
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();
}
