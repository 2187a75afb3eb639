using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accounts;

/// <summary>Passkeys through chromium's virtual authenticator (WebAuthn over the DevTools protocol): register one from the settings or at first enrolment, sign in with it alone.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PasskeyTests(DemoSite site)
{
    [Fact]
    public async Task RegisteredPasskey_SignsInWithoutPasswordOrCode_AndCanBeRemoved()
    {
        var page = await site.NewPageAsync(baseUrl: site.LocalhostUrl);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await VirtualAuthenticator.AddToAsync(page);
        await SignIn.WithPasswordAsync(page, site.Accounts["co-chair.gb@demo.local"]);

        await page.GotoAsync("/account");
        await page.Locator("#passkeyName").FillAsync("Embassy laptop");
        await page.Locator("[data-testid=add-passkey]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var serverLog = site.Output.Split('\n').Where(l => l.Contains("asskey", StringComparison.Ordinal));
        Assert.True(await page.Locator("[data-testid=passkeys] li").CountAsync() == 1, $"No passkey was added. Browser: {string.Join(" | ", console)}. Server: {string.Join(" / ", serverLog)}");
        await Assertions.Expect(page.Locator("[data-testid=passkeys]")).ToContainTextAsync("Embassy laptop");

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.Locator("[data-testid=passkey-sign-in]").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await Assertions.Expect(page.Locator(".account-link")).ToHaveAttributeAsync("title", "co-chair.gb@demo.local");
        Assert.Contains("Sign-in SignedIn for co-chair.gb@demo.local", site.Output, StringComparison.Ordinal);

        await page.GotoAsync("/account");
        await page.Locator("[data-testid=passkeys] button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(0);

        // The removed passkey no longer signs in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator("[data-testid=passkey-sign-in]").ClickAsync();
        await Assertions.Expect(page.Locator(".form-errors")).ToBeVisibleAsync();
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstSignIn_InArabic_EnrolsAPasskeyInsteadOfAnAuthenticator_ThenSignsInWithItAlone()
    {
        var account = await site.CreateAccountAsync("KW", administrator: true);
        var page = await site.NewPageAsync("ar-KW", baseUrl: site.LocalhostUrl);
        await VirtualAuthenticator.AddToAsync(page);
        await SignIn.PasswordFormAsync(page, account);
        await page.WaitForURLAsync(url => url.Contains("/account/enrol", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(page.Locator("#enrol-passkey-h")).ToHaveTextAsync("أو استخدم مفتاح مرور بدلًا من ذلك");
        await Assertions.Expect(page.Locator("[data-testid=has-passkey]")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(DemoSite.ScreenshotDir, "enrol-ar.png"), FullPage = true });

        await page.Locator("#passkeyName").FillAsync("حاسوب الوزارة");
        await page.Locator("[data-testid=enrol-passkey]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".account-link")).ToHaveAttributeAsync("title", account.Email);
        Assert.Contains($"Sign-in SignedIn for {account.Email}", site.Output, StringComparison.Ordinal);
        await page.GotoAsync("/account");
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=passkeys]")).ToContainTextAsync("حاسوب الوزارة");

        // The passkey alone signs in again, without password or code.
        await page.Locator("form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.Locator("[data-testid=passkey-sign-in]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator(".account-link")).ToHaveAttributeAsync("title", account.Email);

        // The password alone is still not enough for an administrator: the enrolment page comes back, and says a passkey exists.
        await page.Locator("form[action='/account/sign-out'] button").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await SignIn.PasswordFormAsync(page, account);
        await page.WaitForURLAsync(url => url.Contains("/account/enrol", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("[data-testid=has-passkey]")).ToBeVisibleAsync();
    }
}
