using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.ActionItems;

[Collection(DemoSiteCollection.Name)]
public sealed partial class ActionItemTests(DemoSite site)
{
    [Fact]
    public async Task CreateThenEdit_ActionItem_ShowsTheSavedValues()
    {
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var items = await ActionItemPages.OpenListAsync(page);
        await items.NewAsync();
        await page.Locator("#title-ar").FillAsync("تبادل الخبرات في الرعاية الصحية الأولية");
        await page.Locator("#title-en").FillAsync("Exchange of expertise in primary health care");
        await page.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("#due").FillAsync("٢٠٢٧-٠٣-٣١");
        await page.Locator("input[name='Form.Owners']").First.CheckAsync();
        await page.Locator("form button[type=submit].primary").ClickAsync();

        await page.WaitForURLAsync(ActionItemPages.DetailsUrl());
        await Assertions.Expect(page.Locator("[data-testid=item-title]")).ToHaveTextAsync("Exchange of expertise in primary health care");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("31 March 2027");

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit", Exact = true }).ClickAsync();
        await page.Locator("#title-en").FillAsync("Exchange of expertise in primary and community health care");
        await page.Locator("#status").SelectOptionAsync("in-progress");
        await page.Locator("[data-testid=save]").ClickAsync();

        await page.WaitForURLAsync(ActionItemPages.DetailsUrl());
        await Assertions.Expect(page.Locator("[data-testid=item-title]")).ToHaveTextAsync("Exchange of expertise in primary and community health care");
        await Assertions.Expect(page.Locator("article")).ToContainTextAsync("In progress");
    }

    [Fact]
    public async Task Save_WithATitleInNeitherLanguage_ShowsTheErrorInArabicNextToTheField_AndCreatesNothing()
    {
        var page = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        var items = await ActionItemPages.OpenListAsync(page);
        var before = await items.CountTextAsync();
        await items.NewAsync();
        await page.Locator("#title-en").FillAsync("   ");
        await page.Locator("#description-en").FillAsync("A description, kept while the title is missing");
        await page.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("form button[type=submit].primary").ClickAsync();

        var error = page.Locator("#err-title-ar");
        await Assertions.Expect(error).ToBeVisibleAsync();
        Assert.Matches(ArabicLetters(), await error.InnerTextAsync());
        await Assertions.Expect(page.Locator("#title-ar")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator("#title-ar")).ToHaveAttributeAsync("aria-describedby", "err-title-ar");
        // What was typed is kept.
        await Assertions.Expect(page.Locator("#description-en")).ToHaveValueAsync("A description, kept while the title is missing");

        await ActionItemPages.OpenListAsync(page);
        Assert.Equal(before, await items.CountTextAsync());
    }

    [Fact]
    public async Task Save_InEnglishOnly_IsKept_AndWaitsForItsArabicOnTheBodysToTranslatePage()
    {
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local", "ar-KW");
        var title = "Second a laboratory adviser " + Guid.NewGuid().ToString("N")[..6];
        var items = await ActionItemPages.OpenListAsync(page);
        await items.NewAsync();
        await page.Locator("#title-en").FillAsync(title);
        await page.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-items/[0-9a-f-]{36}$"));

        await page.GotoAsync(await Navigate.BodyAsync(page) + "/translations?missing=ar");
        var row = page.Locator("[data-testid=pending] tbody tr", new() { HasText = title });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("العربية");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "translations-ar-KW.png"), FullPage = true });
    }

    [Fact]
    public async Task Save_AfterAnotherPersonSaved_ShowsTheirChangeAndReappliesMine()
    {
        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local");
        var gb = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var list = await ActionItemPages.OpenListAsync(kw);
        await list.NewAsync();
        await kw.Locator("#title-ar").FillAsync("بند لاختبار التعارض");
        await kw.Locator("#title-en").FillAsync("An item to test a conflict");
        await kw.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await kw.Locator("#due").FillAsync("2027-01-15");
        await kw.Locator("form button[type=submit].primary").ClickAsync();
        await kw.WaitForURLAsync(ActionItemPages.DetailsUrl());
        var itemUrl = kw.Url;

        // Kuwait opens the form; the UK saves a new due date first.
        await kw.GotoAsync(itemUrl + "/edit");
        await gb.GotoAsync(itemUrl + "/edit");
        await gb.Locator("#due").FillAsync("2027-02-28");
        await gb.Locator("[data-testid=save]").ClickAsync();
        await gb.WaitForURLAsync(ActionItemPages.DetailsUrl());

        await kw.Locator("#title-en").FillAsync("An item whose conflict was resolved");
        await kw.Locator("[data-testid=save]").ClickAsync();

        var conflict = kw.Locator("[data-testid=conflict]");
        await Assertions.Expect(conflict).ToBeVisibleAsync();
        await Assertions.Expect(conflict.Locator("[data-testid=theirs]")).ToContainTextAsync("28 February 2027");
        await Assertions.Expect(kw.Locator("#due")).ToHaveValueAsync("2027-02-28");
        await Assertions.Expect(kw.Locator("#title-en")).ToHaveValueAsync("An item whose conflict was resolved");

        await kw.Locator("[data-testid=save]").ClickAsync();
        await kw.WaitForURLAsync(ActionItemPages.DetailsUrl());
        await Assertions.Expect(kw.Locator("[data-testid=item-title]")).ToHaveTextAsync("An item whose conflict was resolved");
        await Assertions.Expect(kw.Locator(".facts")).ToContainTextAsync("28 February 2027");
    }

    [Fact]
    public async Task ScriptLadenTitle_IsShownAsText_AndRunsNoScript()
    {
        const string Hostile = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\">Trade \"talks\"";
        var page = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        var items = await ActionItemPages.OpenListAsync(page);
        await items.NewAsync();
        await page.Locator("#title-ar").FillAsync("عنوان " + Hostile);
        await page.Locator("#title-en").FillAsync(Hostile);
        await page.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(ActionItemPages.DetailsUrl());

        await Assertions.Expect(page.Locator("[data-testid=item-title]")).ToHaveTextAsync(Hostile);
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"));

        await ActionItemPages.OpenListAsync(page, "?sort=-updated");
        await Assertions.Expect(page.Locator("[data-testid=items]")).ToContainTextAsync(Hostile);
        Assert.True(await page.EvaluateAsync<bool>("() => typeof window.__pwned === 'undefined'"));
    }

    [Fact]
    public async Task Filters_UpdateTheListInPlace_AndTheAddressKeepsThem()
    {
        var page = await SignIn.AsAsync(site, "viewer.gb@demo.local");
        var items = await ActionItemPages.OpenListAsync(page);
        var all = await items.CountTextAsync();
        await page.EvaluateAsync("() => { window.__sameDocument = true; }");

        await page.Locator("#f-status").SelectOptionAsync("blocked");
        await Assertions.Expect(page.Locator("main p[role=status]")).Not.ToHaveTextAsync(all);
        await page.WaitForURLAsync(url => url.Contains("status=blocked", StringComparison.Ordinal));

        Assert.True(await page.EvaluateAsync<bool>("() => window.__sameDocument === true"), "The list was swapped in place, not reloaded.");
        var statuses = await page.Locator("[data-testid=items] tbody tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("Blocked", s.Trim()));

        // The same address opened afresh shows the same list.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#f-status")).ToHaveValueAsync("blocked");
        Assert.Equal(statuses.Count, await page.Locator("[data-testid=items] tbody tr").CountAsync());
    }

    [GeneratedRegex(@"[\u0600-\u06FF]")]
    private static partial Regex ArabicLetters();
}

/// <summary>The action-item pages of the reference body.</summary>
public sealed class ActionItemPages(IPage page)
{
    public static async Task<ActionItemPages> OpenListAsync(IPage page, string query = "")
    {
        await page.GotoAsync("/");
        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        await page.GotoAsync(page.Url + "/action-items" + query);
        return new ActionItemPages(page);
    }

    public static Regex DetailsUrl() => new("/action-items/[0-9a-f-]{36}$");

    public async Task NewAsync()
    {
        await page.Locator("[data-testid=new-item]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith("/action-items/new", StringComparison.Ordinal));
    }

    public Task<string> CountTextAsync() => page.Locator("main p[role=status]").InnerTextAsync();
}
