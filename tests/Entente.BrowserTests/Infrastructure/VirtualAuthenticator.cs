using Microsoft.Playwright;

namespace Entente.BrowserTests.Infrastructure;

/// <summary>Chromium's virtual authenticator (WebAuthn over the DevTools protocol): a platform authenticator that keeps passkeys and verifies the person, for the page's browser context.</summary>
public static class VirtualAuthenticator
{
    public static async Task AddToAsync(IPage page)
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
