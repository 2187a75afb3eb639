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
    public async Task RepeatedWrongPasswords_LockTheAccount_EvenAgainstTheRightPassword_AndAreAudited()
    {
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        await SetPasswordAsync(account);
        var client = app.CreatePageClient();

        for (var i = 0; i < 5; i++)
        {
            using var wrong = await PostSignInAsync(client, account.Email!, "wrong password number " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        using var right = await PostSignInAsync(client, account.Email!, Password);
        var page = await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", page, StringComparison.Ordinal);
        await using var scope = app.Scope(out var db);
        var stored = await db.Users.AsNoTracking().SingleAsync(a => a.Id == account.Id, TestContext.Current.CancellationToken);
        Assert.True(stored.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
        var key = account.Id.ToString("D");
        var trail = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(e => e.EntityType == nameof(Account) && e.EntityKey == key && e.Action == AuditAction.Update).ToListAsync(TestContext.Current.CancellationToken);
        var attempts = trail.Count(e => e.Actor == account.Email && e.ActorPartyId == account.PartyId);
        Assert.True(attempts >= 5, $"Each failed attempt is a change of the account, on the audit chain in the account's name; found {attempts}.");
    }

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
