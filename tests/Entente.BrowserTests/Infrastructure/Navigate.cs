using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Infrastructure;

/// <summary>Getting about as a person does: from the home page to the joint body, to one of its sessions.</summary>
public static partial class Navigate
{
    /// <summary>Opens the reference joint body (Kuwait–UK) from the home page, in either language, and returns its path.</summary>
    public static async Task<string> BodyAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator("[data-testid=body-link]", new() { HasTextRegex = ReferenceBody() }).First.ClickAsync();
        await page.WaitForURLAsync(BodyUrl());
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Opens the session numbered <paramref name="number"/> from the body's list of sessions and returns its path.</summary>
    public static async Task<string> SessionAsync(IPage page, int number)
    {
        await page.GotoAsync(await BodyAsync(page) + "/sessions");
        // The number alone, not inside another one (a test's session 616 is not the 16th).
        var alone = new Regex($"(^|\\D){number.ToString(System.Globalization.CultureInfo.InvariantCulture)}(\\D|$)");
        await page.Locator("[data-testid=records] tbody tr a", new() { HasTextRegex = alone }).First.ClickAsync();
        await page.WaitForURLAsync(SessionUrl());
        return new Uri(page.Url).AbsolutePath;
    }

    [GeneratedRegex("Kuwait–UK Joint Steering Group|مجموعة التوجيه الكويتية البريطانية المشتركة")]
    private static partial Regex ReferenceBody();

    [GeneratedRegex("/bodies/[0-9a-f-]+$")]
    private static partial Regex BodyUrl();

    [GeneratedRegex("/sessions/[0-9a-f-]{36}$")]
    private static partial Regex SessionUrl();
}
