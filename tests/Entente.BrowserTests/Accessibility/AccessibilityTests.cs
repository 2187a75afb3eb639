using System.Text.RegularExpressions;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accessibility;

/// <summary>axe-core's WCAG 2.1 A/AA rules on the main pages, in both languages: no serious or critical violation.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class AccessibilityTests(DemoSite site)
{
    [Theory]
    [InlineData("en-GB")]
    [InlineData("ar-KW")]
    public async Task MainPages_HaveNoSeriousAccessibilityViolations(string locale)
    {
        var page = await SignIn.AsAsync(site, "co-chair.gb@demo.local", locale);
        if ((await page.Locator("html").GetAttributeAsync("lang")) != locale[..2])
        {
            await page.Locator("[data-testid=switch-language]").ClickAsync();
        }

        var failures = new List<string>();
        foreach (var path in await MainPathsAsync(page))
        {
            await page.GotoAsync(path);
            var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
            failures.AddRange(result.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path}: {v.Id} ({v.Impact}) {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}"));
        }

        await page.GotoAsync("/account/sign-out");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task MainPages_OnATabletInArabic_FitTheScreenWithoutSidewaysScrolling()
    {
        var page = await site.NewPageAsync("ar-KW", width: 820, height: 1180);
        await SignIn.WithPasswordAsync(page, site.Accounts["secretariat.kw@demo.local"]);
        var wider = new List<string>();
        foreach (var (path, i) in (await MainPathsAsync(page)).Select((p, i) => (p, i)))
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, inner) = (widths[0], widths[1]);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, $"tablet-ar-{i:00}.png"), FullPage = true });
            if (scroll > inner)
            {
                wider.Add($"{path}: {scroll}px for {inner}px");
            }
        }

        Assert.True(wider.Count == 0, "Wider than the tablet: " + string.Join("; ", wider));
    }

    /// <summary>The pages most used, from the home page to a plan's signatures, a session's agenda and statement, and a document's files.</summary>
    private static async Task<IReadOnlyList<string>> MainPathsAsync(IPage page)
    {
        var body = await Navigate.BodyAsync(page);
        await page.GotoAsync(body + "/action-plans");
        await page.Locator("[data-testid=records] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-plans/[0-9a-f-]{36}$"));
        var plan = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(body + "/documents");
        await page.Locator("[data-testid=records] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/documents/[0-9a-f-]{36}$"));
        var document = new Uri(page.Url).AbsolutePath;
        var session16 = await Navigate.SessionAsync(page, 16);
        var session17 = await Navigate.SessionAsync(page, 17);
        return ["/", body, body + "/action-items", body + "/action-items/new", body + "/agreements", body + "/notes", "/people", "/parties", "/account",
            plan + "/signatures", document, document + "/versions", session16, session16 + "/statement", session17 + "/agenda"];
    }

    [Fact]
    public async Task SignInForm_CanBeCompletedWithTheKeyboardAlone()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        var account = site.Accounts["viewer.kw@demo.local"];
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(account.Email);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(account.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Home");

        // The first Tab on a page reaches the skip link, which leads to the content.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("() => document.activeElement.className"));
    }
}
