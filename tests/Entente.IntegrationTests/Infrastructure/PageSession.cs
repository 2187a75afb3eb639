using System.Net;
using System.Text.RegularExpressions;
using Entente.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Signing in to the pages as a browser does: a known password on a test account, the sign-in form with its antiforgery token.</summary>
public static partial class PageSession
{
    public const string Password = "a long passphrase of the tests";

    /// <summary>Gives <paramref name="account"/> the tests' <see cref="Password"/>.</summary>
    public static async Task SetPasswordAsync(EntenteApp app, Account account)
    {
        await using var scope = Entente.Web.Infrastructure.Auth.ActorScopes.CreateSystemScope(app.Services, "tests");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var stored = await users.FindByIdAsync(account.Id.ToString("D"));
        var result = await users.RemovePasswordAsync(stored!);
        Assert.True(result.Succeeded);
        result = await users.AddPasswordAsync(stored!, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Reads the sign-in form (for its antiforgery token) and posts it, as a browser does.</summary>
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/account/sign-in", TestContext.Current.CancellationToken);
        return await client.PostAsync("/account/sign-in", Form(("email", email), ("password", password), ("__csrf", Token(form))), TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Signs <paramref name="account"/> in to the pages with the tests' password; an account whose roles need a
    /// second factor enrols an authenticator on the way, as a first sign-in does. Returns the signed-in client.
    /// </summary>
    public static async Task<HttpClient> SignedInClientAsync(EntenteApp app, Account account)
    {
        var ct = TestContext.Current.CancellationToken;
        await SetPasswordAsync(app, account);
        var client = app.CreatePageClient();
        using var signIn = await PostSignInAsync(client, account.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        if (signIn.Headers.Location?.ToString().StartsWith("/account/enrol", StringComparison.Ordinal) == true)
        {
            var enrolPage = await client.GetStringAsync("/account/enrol", ct);
            using var enrolled = await client.PostAsync("/account/enrol", Form(("code", Totp.Code(AuthenticatorKey(enrolPage), DateTimeOffset.UtcNow)), ("__csrf", Token(enrolPage))), ct);
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        }

        return client;
    }

    /// <summary>The authenticator key the enrolment page shows.</summary>
    public static string AuthenticatorKey(string enrolPage) => AuthenticatorKeyOnPage().Match(enrolPage).Groups[1].Value;

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Token(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7]+)<")]
    private static partial Regex AuthenticatorKeyOnPage();
}
