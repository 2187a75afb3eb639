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
        await using var scope = app.Services.CreateAsyncScope();
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

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Token(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Key, f.Value)));

    [GeneratedRegex("name=\"__csrf\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
