using System.Net;
using System.Text.RegularExpressions;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Security;

/// <summary>A person changes their password, ends their other sessions and makes new recovery codes from their own settings.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AccountSettingsTests(SqliteApp app)
{
    [Fact]
    public async Task APassword_IsChangedOnlyWithTheCurrentOne_AndThenTheOldNoLongerSignsIn()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, account);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        const string renewed = "another long passphrase of the tests";

        var wrong = await PostAsync(browser, ("currentPassword", "not the password at all"), ("newPassword", renewed), ("confirmPassword", renewed));
        Assert.Contains("كلمة المرور الحالية غير صحيحة.", wrong, StringComparison.Ordinal);
        var differs = await PostAsync(browser, ("currentPassword", PageSession.Password), ("newPassword", renewed), ("confirmPassword", renewed + "!"));
        Assert.Contains("لا تطابق الكلمة المكررة كلمة المرور الجديدة.", differs, StringComparison.Ordinal);
        var tooShort = await PostAsync(browser, ("currentPassword", PageSession.Password), ("newPassword", "short"), ("confirmPassword", "short"));
        Assert.Contains("كلمة المرور الجديدة أقصر من المسموح به.", tooShort, StringComparison.Ordinal);

        var page = await browser.GetStringAsync("/account", ct);
        using var changed = await browser.PostAsync("/account?handler=Password", PageSession.Form(("currentPassword", PageSession.Password), ("newPassword", renewed), ("confirmPassword", renewed), ("__csrf", PageSession.Token(page))), ct);
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Contains("data-testid=\"flash\"", await browser.GetStringAsync("/account", ct), StringComparison.Ordinal);

        using var old = await PageSession.PostSignInAsync(app.CreatePageClient(), account.Email!, PageSession.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
        using var fresh = await PageSession.PostSignInAsync(app.CreatePageClient(), account.Email!, renewed);
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
    }

    [Fact]
    public async Task NewRecoveryCodes_AreShownOnce_AndTheCountIsKept()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, account);

        var page = await browser.GetStringAsync("/account", ct);
        using var made = await browser.PostAsync("/account?handler=RecoveryCodes", PageSession.Form(("__csrf", PageSession.Token(page))), ct);
        var answer = await made.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        Assert.Equal(10, Regex.Count(Regex.Match(answer, "<ul class=\"codes\" dir=\"ltr\">.*?</ul>", RegexOptions.Singleline).Value, "<li><code>"));
        Assert.DoesNotContain("<ul class=\"codes\"", await browser.GetStringAsync("/account", ct), StringComparison.Ordinal);
    }

    private async Task<string> PostAsync(HttpClient browser, params (string Key, string Value)[] fields)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.GetStringAsync("/account", ct);
        using var response = await browser.PostAsync("/account?handler=Password", PageSession.Form([.. fields, ("__csrf", PageSession.Token(page))]), ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(ct);
    }
}
