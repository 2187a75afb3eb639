using Entente.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Infrastructure;

/// <summary>The sign-in pages, as a person uses them: email and password, then the authenticator's code when the account has one.</summary>
public static class SignIn
{
    public static async Task<IPage> AsAsync(DemoSite site, string email, string locale = "en-GB")
    {
        var page = await site.NewPageAsync(locale);
        await WithPasswordAsync(page, site.Accounts[email]);
        return page;
    }

    public static async Task WithPasswordAsync(IPage page, DemoAccount account)
    {
        await PasswordFormAsync(page, account);
        if (account.AuthenticatorKey is { } key)
        {
            await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal), new() { Timeout = 45_000 });
            await page.Locator("#code").FillAsync(await Totp.UnusedSignInCodeAsync(key));
            await page.Locator("form button[type=submit].primary").ClickAsync();
        }

        // The first sign-in of a run meets a program still warming up on a two-core machine: it may take longer than a click.
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal), new() { Timeout = 45_000 });
    }

    /// <summary>Fills and posts the sign-in form with the account's email and password, and waits for nothing after.</summary>
    public static async Task PasswordFormAsync(IPage page, DemoAccount account)
    {
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync(account.Email);
        await page.Locator("#password").FillAsync(account.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
    }
}
