using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Security;

/// <summary>A person sees the browsers signed in to their account and ends any of them, at once.</summary>
[Collection(SqliteCollection.Name)]
public sealed class BrowserSessionsTests(SqliteApp app)
{
    private static int Count(string page, string marker) => (page.Length - page.Replace(marker, string.Empty, StringComparison.Ordinal).Length) / marker.Length;

    [Fact]
    public async Task TwoBrowsers_AreListed_AndEndingTheOther_SignsItOutAtItsNextRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var laptop = await PageSession.SignedInClientAsync(app, account);
        var tablet = await PageSession.SignedInClientAsync(app, account);

        var page = await laptop.GetStringAsync("/account", ct);
        Assert.Equal(1, Count(page, "data-testid=\"session-current\""));
        Assert.Equal(1, Count(page, "data-testid=\"session-other\""));

        using var ended = await laptop.PostAsync("/account?handler=EndOtherSessions", PageSession.Form(("__csrf", PageSession.Token(page))), ct);
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);

        using var refused = await tablet.GetAsync("/account", ct);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/sign-in", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var still = await laptop.GetAsync("/account", ct);
        Assert.Equal(HttpStatusCode.OK, still.StatusCode);
        Assert.Equal(0, Count(await still.Content.ReadAsStringAsync(ct), "data-testid=\"session-other\""));
    }

    [Fact]
    public async Task OneSession_IsEndedByItsId_AndNoOneEndsAnotherAccountsSession()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var (stranger, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var mine = await PageSession.SignedInClientAsync(app, account);
        var theirs = await PageSession.SignedInClientAsync(app, stranger);
        var theirPage = await theirs.GetStringAsync("/account", ct);
        var theirId = System.Text.RegularExpressions.Regex.Match(theirPage, "name=\"sessionId\" value=\"([^\"]+)\"").Groups[1].Value;
        var other = await PageSession.SignedInClientAsync(app, stranger); // a second browser of the stranger, so that one can be named
        theirPage = await theirs.GetStringAsync("/account", ct);
        theirId = System.Text.RegularExpressions.Regex.Match(theirPage, "name=\"sessionId\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(theirId);

        var page = await mine.GetStringAsync("/account", ct);
        using var tried = await mine.PostAsync("/account?handler=EndSession", PageSession.Form(("sessionId", theirId), ("__csrf", PageSession.Token(page))), ct);

        using var stillThere = await other.GetAsync("/account", ct);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        using var ownEnd = await theirs.PostAsync("/account?handler=EndSession", PageSession.Form(("sessionId", theirId), ("__csrf", PageSession.Token(theirPage))), ct);
        using var gone = await other.GetAsync("/account", ct);
        Assert.Equal(HttpStatusCode.Redirect, gone.StatusCode);
    }

    [Fact]
    public async Task SigningOut_EndsTheSessionOnTheServer_SoACopiedCookieNoLongerWorks()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        await PageSession.SetPasswordAsync(app, account);
        var browser = app.CreatePageClient();
        using var signIn = await PageSession.PostSignInAsync(browser, account.Email!, PageSession.Password);
        var session = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".Entente.Session=", StringComparison.Ordinal));

        async Task<HttpStatusCode> ReplayAsync()
        {
            using var copy = app.CreatePageClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
            request.Headers.Add("Cookie", session);
            using var response = await copy.SendAsync(request, ct);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await ReplayAsync());
        var page = await browser.GetStringAsync("/account", ct);
        using var signedOut = await browser.PostAsync("/account/sign-out", PageSession.Form(("__csrf", PageSession.Token(page))), ct);

        Assert.Equal(HttpStatusCode.Redirect, await ReplayAsync());
    }

    [Fact]
    public async Task ADeactivation_EndsTheSessions_SoThatWakingTheAccountWakesNoOldCookie()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, account);
        var admin = app.CreateClient();

        using (var off = await admin.PostJsonAsync($"/api/accounts/{account.Id}/deactivate", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        }

        using (var on = await admin.PostJsonAsync($"/api/accounts/{account.Id}/reactivate", new { }))
        {
            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        }

        using var old = await browser.GetAsync("/account", ct);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
    }
}
