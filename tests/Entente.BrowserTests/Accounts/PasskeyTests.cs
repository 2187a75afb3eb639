using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accounts;

/// <summary>Passkeys through chromium's virtual authenticator (WebAuthn over the DevTools protocol): register one, sign in with it alone.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed class PasskeyTests(DemoSite site)
{
    [Fact]
    public async Task RegisteredPasskey_SignsInWithoutPasswordOrCode_AndCanBeRemoved()
    {
        var page = await site.NewPageAsync(baseUrl: site.LocalhostUrl);
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await AddVirtualAuthenticatorAsync(page);
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
        await Assertions.Expect(page.Locator(".account-link")).ToHaveTextAsync("co-chair.gb@demo.local");
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

    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
