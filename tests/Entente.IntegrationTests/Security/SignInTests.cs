using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Entente.Data;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Entente.IntegrationTests.Security;

/// <summary>Cookie sign-in of the pages: antiforgery, the second factor, mandatory enrolment, lockout, the rate limit and the log.</summary>
public abstract partial class SignInTests(EntenteApp app)
{
    private const string Password = PageSession.Password;

    [Fact]
    public async Task SignInPost_WithoutTheAntiforgeryToken_IsRefusedAndSignsNobodyIn()
    {
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        await SetPasswordAsync(account);
        var client = app.CreatePageClient();

        using var response = await client.PostAsync("/account/sign-in", Form(("email", account.Email!), ("password", Password)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".Entente.Session=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Viewer_SignsInWithPasswordAlone_AndGetsAStrictHttpOnlySessionCookie()
    {
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        await SetPasswordAsync(account);
        var client = app.CreatePageClient();

        using var response = await PostSignInAsync(client, account.Email!, Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.ToString());
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Entente.Session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        // The cookie opens the pages, not the JSON API (which takes API tokens only).
        using var api = await client.GetAsync("/api/me", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task Secretariat_WithoutASecondFactor_MustEnrolOneBeforeAnyPageOpens()
    {
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        await SetPasswordAsync(account);
        var client = app.CreatePageClient();

        using var password = await PostSignInAsync(client, account.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/enrol", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        using var home = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Contains("/account/sign-in", home.Headers.Location?.ToString(), StringComparison.Ordinal);

        var enrolPage = await client.GetStringAsync("/account/enrol", TestContext.Current.CancellationToken);
        var key = PageSession.AuthenticatorKey(enrolPage);
        Assert.NotEmpty(key);
        using var wrong = await client.PostAsync("/account/enrol", Form(("code", "123456"), ("__csrf", Token(enrolPage))), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("err-code", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var home2 = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home2.StatusCode);

        using var enrolled = await client.PostAsync("/account/enrol", Form(("code", Totp.Code(key, DateTimeOffset.UtcNow)), ("__csrf", Token(enrolPage))), TestContext.Current.CancellationToken);
        var done = await enrolled.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        Assert.Equal(10, Regex.Matches(done, "<li><code>").Count);
        using var home3 = await client.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, home3.StatusCode);
        await using var scope = app.Scope(out var db);
        Assert.True((await db.Users.AsNoTracking().SingleAsync(a => a.Id == account.Id, TestContext.Current.CancellationToken)).TwoFactorEnabled);
    }

    [Fact]
    public async Task AnAuthenticatorCode_OpensOneSession_TheNextCodeAnother()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        await SetPasswordAsync(account);
        var first = app.CreatePageClient();
        using (var password = await PostSignInAsync(first, account.Email!, Password))
        {
            Assert.StartsWith("/account/enrol", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        var enrolPage = await first.GetStringAsync("/account/enrol", ct);
        var key = PageSession.AuthenticatorKey(enrolPage);
        var now = DateTimeOffset.UtcNow;
        using (var enrolled = await first.PostAsync("/account/enrol", Form(("code", Totp.Code(key, now)), ("__csrf", Token(enrolPage))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);
        }

        async Task<HttpResponseMessage> SecondFactorAsync(string code)
        {
            var client = app.CreatePageClient();
            using var password = await PostSignInAsync(client, account.Email!, Password);
            Assert.StartsWith("/account/second-factor", password.Headers.Location?.ToString(), StringComparison.Ordinal);
            var page = await client.GetStringAsync("/account/second-factor", ct);
            return await client.PostAsync("/account/second-factor", Form(("code", code), ("__csrf", Token(page))), ct);
        }

        using var replayed = await SecondFactorAsync(Totp.Code(key, now));
        using var next = await SecondFactorAsync(Totp.Code(key, now.AddSeconds(30)));
        using var replayedNext = await SecondFactorAsync(Totp.Code(key, now.AddSeconds(30)));

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode); // the form again, with its error: no session
        Assert.Contains("err-code", await replayed.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayedNext.StatusCode);
    }

    [Fact]
    public async Task PasskeyAtEnrolment_OptionsOnlyForThePendingAccount_AndAnUnverifiedCredentialIsRefusedAndAddsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.CoChair);
        await SetPasswordAsync(account);

        // No enrolment pending: no options.
        var stranger = app.CreatePageClient();
        var signInPage = await stranger.GetStringAsync("/account/sign-in", ct);
        using (var none = await PostWithHeaderTokenAsync(stranger, "/account/enrol?handler=PasskeyOptions", Token(signInPage)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        }

        var client = app.CreatePageClient();
        using (var password = await PostSignInAsync(client, account.Email!, Password))
        {
            Assert.StartsWith("/account/enrol", password.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        var enrolPage = await client.GetStringAsync("/account/enrol", ct);
        Assert.Contains("data-testid=\"enrol-passkey\"", enrolPage, StringComparison.Ordinal);
        using (var options = await PostWithHeaderTokenAsync(client, "/account/enrol?handler=PasskeyOptions", Token(enrolPage)))
        {
            Assert.Equal(HttpStatusCode.OK, options.StatusCode);
            var json = System.Text.Json.Nodes.JsonNode.Parse(await options.Content.ReadAsStringAsync(ct))!;
            Assert.Equal(account.Email, (string?)json["user"]!["name"]);
            Assert.False(string.IsNullOrEmpty((string?)json["challenge"]));
        }

        // A made-up credential is refused beside the passkey button; the enrolment stays pending and nothing is stored.
        using (var forged = await client.PostAsync("/account/enrol?handler=Passkey", Form(
            ("credentialJson", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}"), ("passkeyName", "Forged"), ("__csrf", Token(enrolPage))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
            Assert.Contains("id=\"err-passkey\"", await forged.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        using (var home = await client.GetAsync("/", ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        }

        using (var stillPending = await client.GetAsync("/account/enrol", ct))
        {
            Assert.Equal(HttpStatusCode.OK, stillPending.StatusCode);
        }

        await using var scope = app.Scope(out var db);
        Assert.False(await db.Set<IdentityUserPasskey<Guid>>().AnyAsync(p => p.UserId == account.Id, ct));
    }

    [Fact]
    public async Task RepeatedWrongPasswords_PauseTheirAddress_EvenAgainstTheRightPassword_ButNeverLockTheAccount()
    {
        var ct = TestContext.Current.CancellationToken;
        var (account, token) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        await SetPasswordAsync(account);
        await using var proxied = BehindAProxy();
        var attacker = PageClientFrom(proxied, "203.0.113.7");
        var owner = PageClientFrom(proxied, "198.51.100.20");

        for (var i = 0; i < SignInThrottleLimit; i++)
        {
            using var wrong = await PostSignInAsync(attacker, account.Email!, "wrong password number " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var paused = await PostSignInAsync(attacker, account.Email!, Password);
        using var unknown = await PostSignInAsync(attacker, $"nobody-{Guid.NewGuid():N}@test.local", Password);
        using var fromItsOwnDesk = await PostSignInAsync(owner, account.Email!, Password);

        // The paused address gets the very answer an unknown account gets: nothing tells the account apart.
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(FormErrors(await unknown.Content.ReadAsStringAsync(ct)), FormErrors(await paused.Content.ReadAsStringAsync(ct)));
        Assert.Equal(HttpStatusCode.Redirect, fromItsOwnDesk.StatusCode);
        await using var scope = app.Scope(out var db);
        var stored = await db.Users.AsNoTracking().SingleAsync(a => a.Id == account.Id, ct);
        Assert.Null(stored.LockoutEnd);
        Assert.Equal(0, stored.AccessFailedCount);
        using var api = await app.CreateClient(token, null).GetAsync("/api/me", ct);
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task BehindATrustedProxy_TheForwardedSchemeMakesCookiesSecure_AndAnUntrustedSenderIsNotBelieved()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var proxied = BehindAProxy();

        using var viaProxy = await PageClientFrom(proxied, "203.0.113.8", proto: "https").GetAsync("/account/sign-in", ct);
        using var untrusted = await PageClientFrom(proxied, "203.0.113.9", proto: "https", sender: "192.0.2.99").GetAsync("/account/sign-in", ct);

        // The form's antiforgery cookie is set as the request is seen: HTTPS through the trusted proxy, plain HTTP otherwise.
        Assert.Contains(viaProxy.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(untrusted.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    private const int SignInThrottleLimit = Entente.Web.Features.Accounts.SignInThrottle.PerAddress;

    private const string Proxy = "192.0.2.1";

    /// <summary>An instance that trusts one reverse proxy, reached from the test's own address for each client (<see cref="TestAddress"/>).</summary>
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> BehindAProxy() =>
        app.NewInstance(new Dictionary<string, string> { [Entente.Web.Infrastructure.Proxies.Setting] = Proxy }, TestAddress.Configure);

    /// <summary>A page client whose requests come from <paramref name="sender"/> (the proxy unless said) forwarding for <paramref name="client"/>.</summary>
    private HttpClient PageClientFrom(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> instance, string client, string proto = "http", string sender = Proxy)
    {
        var http = app.CreatePageClient(instance);
        http.DefaultRequestHeaders.Add(TestAddress.Header, sender);
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        http.DefaultRequestHeaders.Add("X-Forwarded-Proto", proto);
        return http;
    }

    private static string FormErrors(string page) => FormErrorsBlock().Match(page).Value;

    [GeneratedRegex("<[^>]*class=\"form-errors\"[^>]*>.*?</[a-z]+>", RegexOptions.Singleline)]
    private static partial Regex FormErrorsBlock();

    [Fact]
    public async Task SignInPosts_BeyondTheLimitPerAddress_AreRefusedWith429_AndEveryAttemptIsLogged()
    {
        var logs = new ConcurrentQueue<string>();
        await using var limited = app.NewInstance(
            new Dictionary<string, string> { ["Entente:SignInAttemptsPerMinute"] = "3" },
            builder => builder.ConfigureLogging(l => l.AddProvider(new CollectingLoggerProvider(logs))));
        var client = app.CreatePageClient(limited);
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 5; i++)
        {
            using var response = await PostSignInAsync(client, "nobody@test.local", "not a password at all");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(3, logs.Count(l => l.Contains("Sign-in Refused for nobody@test.local", StringComparison.Ordinal)));
        using var page = await client.GetAsync("/account/sign-in", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    private Task SetPasswordAsync(Account account) => PageSession.SetPasswordAsync(app, account);

    private static async Task<HttpResponseMessage> PostWithHeaderTokenAsync(HttpClient client, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url);
        request.Headers.Add("X-CSRF-Token", token);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password) => PageSession.PostSignInAsync(client, email, password);

    private static string Token(string page) => PageSession.Token(page);

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) => PageSession.Form(fields);
}

[Collection(SqliteCollection.Name)]
public sealed class SignInTestsOnSqlite(SqliteApp app) : SignInTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SignInTestsOnPostgres(PostgresApp app) : SignInTests(app);
