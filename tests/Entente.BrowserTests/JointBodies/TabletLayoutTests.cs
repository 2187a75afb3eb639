using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.JointBodies;

/// <summary>
/// On an 820 px tablet, in both languages, every page of a body fits the screen: no page scrolls sideways
/// (a wide table scrolls inside its own frame), and the site's header and the body's navigation each keep
/// to one line. Each page is saved as a screenshot to be looked at.
/// </summary>
[Collection(DemoSiteCollection.Name)]
public sealed class TabletLayoutTests(DemoSite site)
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ar-KW")]
    public async Task EveryBodyPage_FitsA820PxTablet_WithItsNavigationOnOneLine(string locale)
    {
        var page = await site.NewPageAsync(locale, width: 820, height: 1180);
        await SignIn.WithPasswordAsync(page, site.Accounts["secretariat.kw@demo.local"]);
        if (await page.Locator("html").GetAttributeAsync("lang") != locale[..2])
        {
            await page.Locator("[data-testid=switch-language]").ClickAsync();
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", locale[..2]);
        }

        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        var addresses = await page.Locator(".body-nav a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.True(addresses.Length >= 10, $"The body's navigation offers only {addresses.Length} pages.");
        await page.GotoAsync(addresses.Single(a => a.EndsWith("/sessions", StringComparison.Ordinal)));
        var session = await page.Locator("[data-testid=records] tbody a").Last.GetAttributeAsync("href");
        var problems = new List<string>();
        var history = "/history/" + session!.Split('/')[^1];
        await page.GotoAsync(addresses.Single(a => a.EndsWith("/action-items", StringComparison.Ordinal)));
        var item = await page.Locator("[data-testid=items] tbody a").First.GetAttributeAsync("href");
        await page.GotoAsync(addresses.Single(a => a.EndsWith("/meetings", StringComparison.Ordinal)));
        var meetingEdit = await page.Locator("[data-testid=records] tbody a").First.GetAttributeAsync("href") + "/edit";
        foreach (var address in addresses.Append(session!).Append(history).Append(item!).Append(meetingEdit).Append("/items/assigned").Append("/people").Append("/account").Append("/search?q=health").Append("/no-such-page"))
        {
            await page.GotoAsync(address);
            await Assertions.Expect(page.Locator("main h1").First).ToBeVisibleAsync();
            await page.EvaluateAsync("() => document.fonts.ready");
            if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"))
            {
                var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('main *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1); }).slice(0, 3).map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().left) + '..' + Math.round(e.getBoundingClientRect().right)).join(', ')");
                problems.Add($"{address} scrolls sideways ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px): {wide}");
            }

            foreach (var bar in new[] { ".site-header", ".body-nav" })
            {
                if (await page.Locator(bar).CountAsync() > 0 && await RowsAsync(page, bar) is > 1 and var rows)
                {
                    var boxes = await page.EvaluateAsync<string>("s => [...document.querySelector(s).children].map(c => c.tagName + '.' + c.className + ' ' + Math.round(c.getBoundingClientRect().top) + '..' + Math.round(c.getBoundingClientRect().bottom) + ' w' + Math.round(c.getBoundingClientRect().width)).join(', ') + ' of ' + document.querySelector(s).clientWidth + ' vw ' + window.innerWidth + ' dw ' + document.documentElement.clientWidth", bar);
                    problems.Add($"{address}: {bar} takes {rows} lines: {boxes}");
                }
            }

            var name = "tablet-" + locale + "-" + Regex.Replace(new Uri(new Uri("http://x"), address).AbsolutePath, "[^a-z]+", "-").Trim('-');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, name + ".png"), FullPage = false });
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>How many lines the visible children of a bar are laid out on: a child that starts below the bottom of the line so far starts a new one.</summary>
    private static Task<int> RowsAsync(IPage page, string bar) => page.EvaluateAsync<int>(
        """
        selector => {
          const boxes = [...document.querySelector(selector).children]
            .filter(c => c.offsetParent !== null && getComputedStyle(c).position !== 'absolute')
            .map(c => c.getBoundingClientRect()).sort((a, b) => a.top - b.top);
          let rows = 0, bottom = -Infinity;
          for (const b of boxes) { if (b.top >= bottom - 2) { rows++; bottom = b.bottom; } else { bottom = Math.max(bottom, b.bottom); } }
          return rows;
        }
        """,
        bar);
}
