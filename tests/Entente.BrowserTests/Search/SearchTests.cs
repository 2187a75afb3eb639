using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Search;

/// <summary>
/// The search page as people use it: from the header's box, results as one types, the arrows to go through
/// them, filters with their counts; in Arabic right to left and in English; never the other side's national notes.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class SearchTests(DemoSite site)
{
    [Fact]
    public async Task InArabic_ResultsFollowWhatIsTyped_AndTheArrowsGoThroughThem()
    {
        var page = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        var search = new SearchPage(page);

        // From the header's box, a name typed with a space finds the person written as one word.
        await search.FromHeaderAsync("الجار الله");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(search.Hit("person").First).ToContainTextAsync("الجارالله");
        await Assertions.Expect(search.Results.Locator("mark").First).ToBeVisibleAsync();

        // Typing, the results follow the word not yet finished: «أمن الطير» finds aviation security.
        await search.TypeAsync("أمن الطير");
        await Assertions.Expect(search.Hit("track").First).ToContainTextAsync("أمن الطيران");
        Assert.Contains("q=", page.Url, StringComparison.Ordinal);

        // The down arrow leaves the box for the first result, then the next; Escape comes back.
        var links = search.Results.Locator(".search-hit-link");
        await search.Box.PressAsync("ArrowDown");
        await Assertions.Expect(links.First).ToBeFocusedAsync();
        if (await links.CountAsync() > 1)
        {
            await page.Keyboard.PressAsync("ArrowDown");
            await Assertions.Expect(links.Nth(1)).ToBeFocusedAsync();
        }

        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(search.Box).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "search-ar.png"), FullPage = true });

        // Enter on a result opens its record.
        await search.Box.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => !url.Contains("/search", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("أمن الطيران");
    }

    [Fact]
    public async Task InEnglish_AKindFilterNarrowsTheResults_AndTheOtherSidesNationalNoteIsNeverFound()
    {
        var britain = new SearchPage(await SignIn.AsAsync(site, "secretariat.gb@demo.local"));
        await britain.FromHeaderAsync("continuity transition");
        await Assertions.Expect(britain.Hit("note")).ToHaveCountAsync(1);

        var kuwait = new SearchPage(await SignIn.AsAsync(site, "secretariat.kw@demo.local"));
        await kuwait.FromHeaderAsync("continuity transition");
        await Assertions.Expect(kuwait.Count).ToBeVisibleAsync();
        await Assertions.Expect(kuwait.Hit("note")).ToHaveCountAsync(0);

        // "cyber security" finds what is written "cybersecurity"; the kind filter keeps the agreements, with their count.
        await kuwait.FromHeaderAsync("cyber security");
        await Assertions.Expect(kuwait.Results.Locator(".search-hit").First).ToBeVisibleAsync();
        var all = await kuwait.Results.Locator(".search-hit").CountAsync();
        await kuwait.Page.Locator("[data-testid=search-type]").SelectOptionAsync("agreement");
        await Assertions.Expect(kuwait.Results.Locator(".search-hit").First).ToBeVisibleAsync();
        await Assertions.Expect(kuwait.Results.Locator(".search-hit-link:not([data-kind=agreement])")).ToHaveCountAsync(0);
        Assert.True(await kuwait.Results.Locator(".search-hit").CountAsync() <= all);
        await Assertions.Expect(kuwait.Page.Locator("[data-testid=search-type] option:checked")).ToContainTextAsync("(");
        await kuwait.Page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "search-en.png"), FullPage = true });
    }

    /// <summary>The search page and the header's box.</summary>
    private sealed class SearchPage(IPage page)
    {
        public IPage Page => page;

        public ILocator Box => page.Locator("[data-testid=search-q]");

        public ILocator Results => page.Locator("#results");

        public ILocator Count => page.Locator("[data-testid=search-count]");

        public ILocator Hit(string kind) => Results.Locator($".search-hit:has(.search-hit-link[data-kind={kind}])");

        public async Task FromHeaderAsync(string words)
        {
            await page.GotoAsync("/");
            await page.Locator("[data-testid=site-search]").FillAsync(words);
            await page.Locator("[data-testid=site-search]").PressAsync("Enter");
            await page.WaitForURLAsync(url => url.Contains("/search?", StringComparison.Ordinal));
            await Assertions.Expect(Count).ToBeVisibleAsync();
        }

        /// <summary>Clears the box and types, a key at a time, as a person does; waits for the results of the whole text.</summary>
        public async Task TypeAsync(string words)
        {
            await Box.FillAsync(string.Empty);
            await Box.PressSequentiallyAsync(words, new() { Delay = 60 });
            // The page puts what was searched in its address (history.pushState), without a new page load.
            await page.WaitForFunctionAsync("w => decodeURIComponent(location.search.replace(/\\+/g, ' ')).includes(w)", words);
            await Assertions.Expect(Count).ToBeVisibleAsync();
        }
    }
}
