using Entente.BrowserTests.Infrastructure;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Accounts;

[Collection(DemoSiteCollection.Name)]
public sealed class SignInTests(DemoSite site)
{
    [Fact]
    public async Task SignIn_SecretariatWithAuthenticatorCode_ReachesHomeWithTheirBody()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);

        var account = site.Accounts["secretariat.kw@demo.local"];
        await page.Locator("#email").FillAsync(account.Email);
        await page.Locator("#password").FillAsync(account.Password);
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/second-factor", StringComparison.Ordinal));

        // The password alone opens nothing: home still sends to sign-in.
        var other = await page.Context.NewPageAsync();
        await other.GotoAsync("/");
        Assert.Contains("/account/sign-in", other.Url, StringComparison.Ordinal);
        await other.CloseAsync();

        // A wrong code is refused next to the field; the right one signs in.
        await page.Locator("#code").FillAsync("000000");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator(".form-errors, .field-error")).ToBeVisibleAsync();
        await page.Locator("#code").FillAsync(ToArabicIndic(await Totp.UnusedSignInCodeAsync(account.AuthenticatorKey!)));
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await page.WaitForURLAsync(url => url.EndsWith('/'));
        await Assertions.Expect(page.Locator("[data-testid=body-link]")).ToContainTextAsync("Joint Steering Group");
    }

    [Fact]
    public async Task SignIn_WrongPassword_IsRefusedWithOneMessageForAll()
    {
        var page = await site.NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.Locator("#email").FillAsync("viewer.gb@demo.local");
        await page.Locator("#password").FillAsync("not the password at all");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator(".form-errors")).ToContainTextAsync("The email or the password is not right");

        await page.Locator("#email").FillAsync("nobody@demo.local");
        await page.Locator("#password").FillAsync("not the password at all");
        await page.Locator("form button[type=submit].primary").ClickAsync();
        await Assertions.Expect(page.Locator(".form-errors")).ToContainTextAsync("The email or the password is not right");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await SignIn.AsAsync(site, "viewer.kw@demo.local");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("/account/sign-in", StringComparison.Ordinal));
        await page.GotoAsync("/");
        Assert.Contains("/account/sign-in", page.Url, StringComparison.Ordinal);
    }

    private static string ToArabicIndic(string digits) => new([.. digits.Select(c => (char)('\u0660' + (c - '0')))]);
}
