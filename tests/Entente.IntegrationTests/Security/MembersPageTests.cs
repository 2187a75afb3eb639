using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Security;

/// <summary>The members page of a body: a secretariat gives its own people roles there; what the data layer refuses is shown and changes nothing.</summary>
[Collection(SqliteCollection.Name)]
public sealed class MembersPageTests(SqliteApp app)
{
    [Fact]
    public async Task ASecretariat_GivesItsOwnPersonARole_AndIsRefusedTheOtherPartys()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (secretariat, _) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var (colleague, _) = await app.NewAccountAsync("GB");
        var (kuwaiti, _) = await app.NewAccountAsync("KW");
        var browser = await PageSession.SignedInClientAsync(app, secretariat);
        var url = $"/bodies/{reference.Body.Id}/members";

        var page = await browser.GetStringAsync(url, ct);
        Assert.Contains($"data-testid=\"member-{secretariat.Id}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{colleague.Id}\"", page, StringComparison.Ordinal); // a candidate of its own party
        Assert.DoesNotContain($"value=\"{kuwaiti.Id}\"", page, StringComparison.Ordinal); // the other party's accounts are not offered

        using (var added = await browser.PostAsync(url + "?handler=add", PageSession.Form(("AccountId", colleague.Id.ToString()), ("Role", "track-lead"), ("TrackIds", reference.Health.Id.ToString()), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }

        using (var refused = await browser.PostAsync(url + "?handler=add", PageSession.Form(("AccountId", kuwaiti.Id.ToString()), ("Role", "viewer"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("role=\"alert\"", await refused.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        var (another, _) = await app.NewAccountAsync("GB");
        using (var noTrack = await browser.PostAsync(url + "?handler=add", PageSession.Form(("AccountId", another.Id.ToString()), ("Role", "track-lead"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, noTrack.StatusCode);
            Assert.Contains("class=\"field-error\" id=\"err-trackIds\"", await noTrack.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        // The other party's secretariat is shown, and its role cannot be changed from here.
        var kuwaitSecretariat = (await app.CreateClient().ListAsync<Entente.Web.Features.Members.MemberResponse>($"/api/memberships?jointBodyId={reference.Body.Id}")).First(m => m.PartyId == reference.Kuwait && m.Role == MemberRole.Secretariat);
        using (var demoted = await browser.PostAsync(url + "?handler=change", PageSession.Form(("MembershipId", kuwaitSecretariat.Id.ToString()), ("Version", kuwaitSecretariat.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Role", "viewer"), ("__csrf", PageSession.Token(page))), ct))
        {
            Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
            Assert.Contains("role=\"alert\"", await demoted.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
        }

        await using var scope = app.Scope(out var db);
        var given = await db.Memberships.Include(m => m.Tracks).SingleAsync(m => m.AccountId == colleague.Id, ct);
        Assert.Equal((MemberRole.TrackLead, reference.Health.Id), (given.Role, Assert.Single(given.Tracks).TrackId));
        Assert.False(await db.Memberships.AnyAsync(m => m.AccountId == kuwaiti.Id || m.AccountId == another.Id, ct));
        Assert.Equal(MemberRole.Secretariat, (await db.Memberships.SingleAsync(m => m.Id == kuwaitSecretariat.Id, ct)).Role);
        var after = await browser.GetStringAsync(url, ct);
        Assert.Contains($"data-testid=\"member-{colleague.Id}\"", after, StringComparison.Ordinal);
    }
}
