using System.Net;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>An administrator invites a person (the link sets the password once), lists, deactivates and reactivates accounts; no one else does.</summary>
public abstract class AccountAdministrationTests(EntenteApp app)
{
    private static string NewEmail() => $"invited-{Guid.NewGuid():N}@test.local";

    private static string PathOf(string link) => new Uri(link).PathAndQuery;

    [Theory]
    [InlineData("a\u0000b@test.local", "email")]
    [InlineData("a\u202Eb@test.local", "email")]
    [InlineData("not-an-address", "email")]
    public async Task Invite_WithAControlCharacterOrNoAddress_Is400NamingTheField_AndMakesNoAccount(string email, string field)
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);

        using var response = await admin.PostJsonAsync("/api/accounts", new { email, partyId = reference.Kuwait, displayName = "Officer" });

        Assert.Equal(("invalid-text", field), ((string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["code"], (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["field"]));
    }

    [Fact]
    public async Task AnInvitation_SetsThePasswordOnce_AndThePersonSignsIn()
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);
        var email = NewEmail();
        using var created = await admin.PostJsonAsync("/api/accounts", new { email, partyId = reference.Kuwait, displayName = "Invited Officer" });
        var invitation = await ApiClient.ReadAsync<InvitationResponse>(created, HttpStatusCode.Created);
        Assert.Equal((email, reference.Kuwait, false, true), (invitation.Account.Email, invitation.Account.PartyId, invitation.Account.HasPassword, invitation.Account.Active));
        Assert.InRange(invitation.ExpiresAt, DateTime.UtcNow.AddDays(6), DateTime.UtcNow.AddDays(8));
        var link = PathOf(invitation.Link);
        Assert.StartsWith("/account/invitation?account=", link, StringComparison.Ordinal);

        var browser = app.CreatePageClient();
        using (var forged = await browser.GetAsync($"/account/invitation?account={invitation.Account.Id}&token=forged", TestContext.Current.CancellationToken))
        {
            Assert.Contains("data-testid=\"invitation-invalid\"", await forged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var page = await browser.GetStringAsync(link, TestContext.Current.CancellationToken);
        Assert.Contains(email, page, StringComparison.Ordinal);
        var token = System.Web.HttpUtility.ParseQueryString(new Uri(invitation.Link).Query)["token"]!;
        async Task<string> PostAsync(string password, string confirmation)
        {
            using var posted = await browser.PostAsync("/account/invitation", PageSession.Form(("account", invitation.Account.Id.ToString()), ("token", token), ("password", password), ("confirmation", confirmation), ("__csrf", PageSession.Token(page))), TestContext.Current.CancellationToken);
            return await posted.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        Assert.Contains("class=\"field-error\" id=\"err-confirmation\"", await PostAsync(PageSession.Password, PageSession.Password + " but different"), StringComparison.Ordinal);
        Assert.Contains("class=\"field-error\" id=\"err-password\"", await PostAsync("short", "short"), StringComparison.Ordinal);
        Assert.False((await admin.GetAsync<AccountResponse>($"/api/accounts/{invitation.Account.Id}")).HasPassword);
        Assert.Contains("data-testid=\"invitation-done\"", await PostAsync(PageSession.Password, PageSession.Password), StringComparison.Ordinal);
        Assert.True((await admin.GetAsync<AccountResponse>($"/api/accounts/{invitation.Account.Id}")).HasPassword);

        // The link has done its work: it sets no second password.
        Assert.Contains("data-testid=\"invitation-invalid\"", await PostAsync("another long passphrase", "another long passphrase"), StringComparison.Ordinal);
        using (var again = await admin.PostJsonAsync($"/api/accounts/{invitation.Account.Id}/invitation", new { }))
        {
            Assert.Equal("illegal-transition", (string?)(await again.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        using var signIn = await PageSession.PostSignInAsync(app.CreatePageClient(), email, PageSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OnlyAnAdministrator_Invites_AndBadRequestsNameTheirField()
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);
        var (_, secretariatToken) = await app.NewAccountAsync("GB", role: Entente.Domain.MemberRole.Secretariat);
        var email = NewEmail();
        using (var bySecretariat = await app.CreateClient(secretariatToken, null).PostJsonAsync("/api/accounts", new { email, partyId = reference.UnitedKingdom }))
        {
            await bySecretariat.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var (existing, _) = await app.NewAccountAsync("KW");
        var cases = new (object Body, HttpStatusCode Status, string Field)[]
        {
            (new { partyId = reference.Kuwait }, HttpStatusCode.BadRequest, "email"),
            (new { email = "not an address", partyId = reference.Kuwait }, HttpStatusCode.BadRequest, "email"),
            (new { email }, HttpStatusCode.BadRequest, "partyId"),
            (new { email, partyId = Guid.CreateVersion7() }, HttpStatusCode.Forbidden, "partyId"), // not its own party
            (new { email, partyId = reference.UnitedKingdom }, HttpStatusCode.Forbidden, "partyId"), // another party's people are that party's to invite
            (new { email = existing.Email, partyId = reference.Kuwait }, HttpStatusCode.UnprocessableEntity, "email"),
            (new { email, partyId = reference.Kuwait, displayName = " " }, HttpStatusCode.BadRequest, "displayName"),
        };
        foreach (var (body, status, field) in cases)
        {
            using var response = await admin.PostJsonAsync("/api/accounts", body);
            Assert.Equal(field, (string?)(await response.ProblemAsync(status))["field"]);
        }

        await using var scope = app.Scope(out var db);
        Assert.False(await db.Users.AnyAsync(a => a.Email == email, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Deactivating_EndsSessionsAndTokensAtOnce_AndReactivatingLetsThePersonBackIn()
    {
        var admin = app.CreateClient();
        var (account, token) = await app.NewAccountAsync("KW", role: Entente.Domain.MemberRole.Viewer);
        var api = app.CreateClient(token, null);
        var pages = await PageSession.SignedInClientAsync(app, account);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pages.GetAsync("/account", TestContext.Current.CancellationToken)).StatusCode);

        var (_, secretariatToken) = await app.NewAccountAsync("KW", role: Entente.Domain.MemberRole.Secretariat);
        using (var bySecretariat = await app.CreateClient(secretariatToken, null).PostJsonAsync($"/api/accounts/{account.Id}/deactivate", new { }))
        {
            await bySecretariat.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var deactivated = await ApiClient.ReadAsync<AccountResponse>(await admin.PostJsonAsync($"/api/accounts/{account.Id}/deactivate", new { }), HttpStatusCode.OK);
        Assert.False(deactivated.Active);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
        using (var page = await pages.GetAsync("/account", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/account/sign-in", page.Headers.Location?.AbsolutePath ?? page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var signIn = await PageSession.PostSignInAsync(app.CreatePageClient(), account.Email!, PageSession.Password))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the form again, refused
        }

        var (british, _) = await app.NewAccountAsync("GB");
        using (var otherParty = await admin.PostJsonAsync($"/api/accounts/{british.Id}/deactivate", new { }))
        {
            await otherParty.ProblemAsync(HttpStatusCode.NotFound); // another party's people are not this administrator's
        }

        await using (var scope = app.Scope(out var db))
        {
            Assert.Null(await db.Users.Where(a => a.Id == british.Id).Select(a => a.DeactivatedAt).SingleAsync(TestContext.Current.CancellationToken));
        }

        var me = await admin.GetAsync<Entente.Web.Features.Accounts.MeResponse>("/api/me");
        using (var self = await admin.PostJsonAsync($"/api/accounts/{me.Id}/deactivate", new { }))
        {
            Assert.Equal("id", (string?)(await self.ProblemAsync(HttpStatusCode.UnprocessableEntity))["field"]);
        }

        Assert.True((await ApiClient.ReadAsync<AccountResponse>(await admin.PostJsonAsync($"/api/accounts/{account.Id}/reactivate", new { }), HttpStatusCode.OK)).Active);
        using var back = await PageSession.PostSignInAsync(app.CreatePageClient(), account.Email!, PageSession.Password);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);

        // The tokens made before the deactivation stay dead; a new one works.
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.CreateClient(await app.NewTokenAsync(account), null).GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task EveryoneListsItsOwnPartysAccounts_AdministratorsToo()
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);
        var (british, token) = await app.NewAccountAsync("GB", role: Entente.Domain.MemberRole.Secretariat);
        var (kuwaiti, _) = await app.NewAccountAsync("KW");
        var secretariat = app.CreateClient(token, null);

        var seen = await secretariat.ListAsync<AccountResponse>("/api/accounts");
        Assert.All(seen, a => Assert.Equal(reference.UnitedKingdom, a.PartyId));
        Assert.Contains(seen, a => a.Id == british.Id);
        Assert.Empty(await secretariat.ListAsync<AccountResponse>($"/api/accounts?partyId={reference.Kuwait}"));
        using (var other = await secretariat.GetAsync($"/api/accounts/{kuwaiti.Id}", TestContext.Current.CancellationToken))
        {
            await other.ProblemAsync(HttpStatusCode.NotFound);
        }

        var found = await admin.ListAsync<AccountResponse>($"/api/accounts?q={Uri.EscapeDataString(kuwaiti.Email![..12])}");
        Assert.Contains(found, a => a.Id == kuwaiti.Id);
        Assert.All(found, a => Assert.Contains(kuwaiti.Email![..12], a.Email, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(await admin.ListAsync<AccountResponse>("/api/accounts"), a => a.PartyId != reference.Kuwait);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccountAdministrationTestsOnSqlite(SqliteApp app) : AccountAdministrationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccountAdministrationTestsOnPostgres(PostgresApp app) : AccountAdministrationTests(app);
