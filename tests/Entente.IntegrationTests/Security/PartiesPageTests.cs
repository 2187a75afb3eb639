using System.Globalization;
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

    [Fact]
    public async Task Administrator_RenamesAPartyAndAnInstitution_AViewersRenameChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var code = "R" + new string([.. Enumerable.Range(0, 4).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
        var party = await api.CreateAsync<PartyResponse>("/api/parties", new { code, kind = "organisation", name = new { ar = "منظمة قديمة", en = "Old Organisation" } });
        var institution = await api.CreateAsync<InstitutionResponse>("/api/institutions", new { partyId = party.Id, name = new { ar = "أمانة قديمة", en = "Old Secretariat" } });

        var admin = await SignedInAsync(administrator: true, MemberRole.Secretariat);
        var page = await admin.GetStringAsync("/parties", ct);
        Assert.Contains($"data-testid=\"rename-party-{code}\"", page, StringComparison.Ordinal);

        using (var rename = await admin.PostAsync("/parties?handler=party", PageSession.Form(
            ("Id", party.Id.ToString()), ("Version", party.Version.ToString(CultureInfo.InvariantCulture)), ("Code", code), ("Kind", "organisation"),
            ("NameAr", "منظمة جديدة"), ("NameEn", "New Organisation"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        }

        using (var rename = await admin.PostAsync("/parties?handler=institution", PageSession.Form(
            ("Id", institution.Id.ToString()), ("Version", institution.Version.ToString(CultureInfo.InvariantCulture)), ("PartyId", party.Id.ToString()),
            ("NameAr", "الأمانة العامة"), ("NameEn", "General Secretariat"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, rename.StatusCode);
        }

        var renamed = await api.GetAsync<PartyResponse>($"/api/parties/{party.Id}");
        Assert.Equal(("منظمة جديدة", "New Organisation", code), (renamed.Name.Ar, renamed.Name.En, renamed.Code));
        var renamedInstitution = await api.GetAsync<InstitutionResponse>($"/api/institutions/{institution.Id}");
        Assert.Equal(("الأمانة العامة", "General Secretariat"), (renamedInstitution.Name.Ar, renamedInstitution.Name.En));

        // A stale rename (the version read before the first one) is refused beside its own form, and keeps what was typed.
        using (var stale = await admin.PostAsync("/parties?handler=party", PageSession.Form(
            ("Id", party.Id.ToString()), ("Version", party.Version.ToString(CultureInfo.InvariantCulture)), ("Code", code), ("Kind", "organisation"),
            ("NameAr", "منظمة ثالثة"), ("NameEn", "Third Name"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
            var body = await stale.Content.ReadAsStringAsync(ct);
            Assert.Matches("class=\"(form-errors|field-error)", body);
            Assert.Contains("value=\"Third Name\"", body, StringComparison.Ordinal);
        }

        // A name in neither language is refused, naming the field, and nothing changes (one language alone would be kept, its translation pending).
        using (var empty = await admin.PostAsync("/parties?handler=institution", PageSession.Form(
            ("Id", institution.Id.ToString()), ("Version", renamedInstitution.Version.ToString(CultureInfo.InvariantCulture)), ("PartyId", party.Id.ToString()),
            ("NameAr", " "), ("NameEn", " "), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("id=\"err-name-en\"", await empty.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var viewer = await SignedInAsync(administrator: false, MemberRole.Viewer);
        var viewerPage = await viewer.GetStringAsync("/parties", ct);
        Assert.DoesNotContain("rename-party-", viewerPage, StringComparison.Ordinal);
        using (var refused = await viewer.PostAsync("/parties?handler=party", PageSession.Form(
            ("Id", party.Id.ToString()), ("Version", renamed.Version.ToString(CultureInfo.InvariantCulture)), ("Code", code), ("Kind", "organisation"),
            ("NameAr", "اسم آخر"), ("NameEn", "Another Name"), ("__csrf", PageSession.Token(viewerPage))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Matches("class=\"(form-errors|field-error)", await refused.Content.ReadAsStringAsync(ct));
        }

        var after = await api.GetAsync<PartyResponse>($"/api/parties/{party.Id}");
        Assert.Equal((renamed.Version, "New Organisation"), (after.Version, after.Name.En));
        Assert.Equal("General Secretariat", (await api.GetAsync<InstitutionResponse>($"/api/institutions/{institution.Id}")).Name.En);
    }

    private async Task<HttpClient> SignedInAsync(bool administrator, MemberRole role) =>
        await PageSession.SignedInClientAsync(app, (await app.NewAccountAsync("GB", administrator, role)).Account);
}

[Collection(SqliteCollection.Name)]
public sealed class PartiesPageTestsOnSqlite(SqliteApp app) : PartiesPageTests(app);
