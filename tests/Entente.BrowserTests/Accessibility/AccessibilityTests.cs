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

        await page.Locator("[data-testid=body-link]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/bodies/[0-9a-f-]+$"));
        var body = new Uri(page.Url).AbsolutePath;
        await page.GotoAsync(body + "/action-plans");
        await page.Locator("[data-testid=records] tbody tr a").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/action-plans/[0-9a-f-]{36}$"));
        var plan = new Uri(page.Url).AbsolutePath;
        var failures = new List<string>();
        foreach (var path in new[] { "/", body, body + "/action-items", body + "/action-items/new", body + "/agreements", body + "/notes", "/people", "/account", plan + "/signatures" })
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
