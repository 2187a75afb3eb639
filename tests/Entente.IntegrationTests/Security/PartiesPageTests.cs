using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Parties;

namespace Entente.IntegrationTests.Security;

/// <summary>The parties page: everyone signed in reads the parties and their institutions; only an administrator records them, and a post by anyone else changes nothing.</summary>
public abstract class PartiesPageTests(EntenteApp app)
{
    [Fact]
    public async Task Viewer_ReadsThePartiesButCannotAddOne()
    {
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        await PageSession.SetPasswordAsync(app, account);
        var client = app.CreatePageClient();
        using (var signIn = await PageSession.PostSignInAsync(client, account.Email!, PageSession.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        var page = await client.GetStringAsync("/parties", TestContext.Current.CancellationToken);
        Assert.Contains("State of Kuwait", page, StringComparison.Ordinal);
        Assert.Contains("National Library of Kuwait", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"add-party\"", page, StringComparison.Ordinal);

        var code = $"Z{Random.Shared.Next(100, 999)}";
        using var post = await client.PostAsync("/parties?handler=party", PageSession.Form(
            ("Code", code), ("Kind", "state"), ("NameAr", "دولة تجريبية"), ("NameEn", "Trial State"), ("__csrf", PageSession.Token(page))), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Matches("class=\"(form-errors|field-error)", await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain(await app.CreateClient().ListAsync<PartyResponse>("/api/parties"), p => p.Code == code);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PartiesPageTestsOnSqlite(SqliteApp app) : PartiesPageTests(app);
