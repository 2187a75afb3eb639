using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Members;
using Entente.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>Who works in a joint body: an administrator gives roles, a secretariat its own party's viewers and track leads, nobody the other party's.</summary>
public abstract class MembersTests(EntenteApp app)
{
    private static string Etag(MemberResponse m) => $"\"{m.Version}\"";

    private static async Task<string?> CodeAsync(HttpResponseMessage response, HttpStatusCode status) => (string?)(await response.ProblemAsync(status))["code"];

    private static async Task<string?> FieldAsync(HttpResponseMessage response, HttpStatusCode status) => (string?)(await response.ProblemAsync(status))["field"];

    private async Task<int> MembershipsAsync(Guid accountId)
    {
        await using var scope = app.Scope(out var db);
        return await db.Memberships.CountAsync(m => m.AccountId == accountId, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnAdministrator_GivesANewAccountARole_WhichOpensTheBody_AndEndingItClosesIt()
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);
        var (account, token) = await app.NewAccountAsync("KW");
        var newcomer = app.CreateClient(token, null);
        using (var before = await newcomer.GetAsync($"/api/memberships?jointBodyId={reference.Body.Id}", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode); // the party is a member: its people see who works in the body
        }

        using (var refusedBefore = await newcomer.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" }))
        {
            await refusedBefore.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var created = await admin.PostJsonAsync("/api/memberships", new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "secretariat" });
        var member = await ApiClient.ReadAsync<MemberResponse>(created, HttpStatusCode.Created);
        Assert.Equal($"/api/memberships/{member.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal(Etag(member), created.Headers.ETag?.Tag);
        Assert.Equal((account.Id, MemberRole.Secretariat, reference.Kuwait, reference.Body.Id), (member.AccountId, member.Role, member.PartyId, member.JointBodyId));
        Assert.Empty(member.TrackIds);
        Assert.True(member.Active);
        Assert.Contains(await admin.ListAsync<MemberResponse>($"/api/memberships?jointBodyId={reference.Body.Id}"), m => m.Id == member.Id);

        // A role that needs a second factor, given to an account without one, stops its tokens: it signs in again, through the enrolment.
        Assert.Equal(HttpStatusCode.Unauthorized, (await newcomer.GetAsync("/api/me", TestContext.Current.CancellationToken)).StatusCode);
        newcomer = app.CreateClient(await app.NewTokenAsync(account), null);
        var session = await newcomer.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        Assert.Equal(reference.Body.Id, session.JointBodyId);

        using (var noVersion = await admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/memberships/{member.Id}"), TestContext.Current.CancellationToken))
        {
            await noVersion.ProblemAsync(HttpStatusCode.PreconditionRequired);
        }

        using var removal = new HttpRequestMessage(HttpMethod.Delete, $"/api/memberships/{member.Id}");
        removal.Headers.TryAddWithoutValidation("If-Match", Etag(member));
        using var removed = await admin.SendAsync(removal, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(0, await MembershipsAsync(account.Id));
        using var refusedAfter = await newcomer.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        await refusedAfter.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ASecretariat_GivesItsOwnPartysViewersAndTrackLeads_AndNothingElse()
    {
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (_, secretariatToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var secretariat = app.CreateClient(secretariatToken, null);
        var (own, ownToken) = await app.NewAccountAsync("GB");
        var (kuwaiti, _) = await app.NewAccountAsync("KW");
        var url = "/api/memberships";
        var list = $"/api/memberships?jointBodyId={reference.Body.Id}";

        var lead = await secretariat.CreateAsync<MemberResponse>(url, new { jointBodyId = reference.Body.Id, accountId = own.Id, role = "track-lead", trackIds = new[] { reference.Health.Id } });
        Assert.Equal([reference.Health.Id], lead.TrackIds);

        // The new track lead writes in the health track only.
        var ownClient = app.CreateClient(ownToken, null);
        var item = reference.NewItem("Exchange nursing curricula between the two ministries");
        await Reference.CreateItemAsync(ownClient, item);
        var otherTrack = reference.Tracks.First(t => t.Id != reference.Health.Id);
        item["trackId"] = otherTrack.Id;
        item["ownerInstitutionIds"] = otherTrack.Leads.Select(l => l.InstitutionId).ToArray();
        using (var elsewhere = await ownClient.PostJsonAsync("/api/action-items", item))
        {
            await elsewhere.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var otherParty = await secretariat.PostJsonAsync(url, new { jointBodyId = reference.Body.Id, accountId = kuwaiti.Id, role = "viewer" }))
        {
            await otherParty.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var raised = await secretariat.PutJsonAsync($"/api/memberships/{lead.Id}", new { role = "secretariat" }, Etag(lead)))
        {
            await raised.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var kuwaitSecretariat = (await secretariat.ListAsync<MemberResponse>(list)).First(m => m.PartyId == reference.Kuwait && m.Role == MemberRole.Secretariat);
        Assert.Null(kuwaitSecretariat.Email); // the other party's addresses are not shown
        Assert.NotNull(lead.Email);
        using (var demoted = await secretariat.PutJsonAsync($"/api/memberships/{kuwaitSecretariat.Id}", new { role = "viewer" }, Etag(kuwaitSecretariat)))
        {
            await demoted.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var removal = new HttpRequestMessage(HttpMethod.Delete, $"/api/memberships/{kuwaitSecretariat.Id}"))
        {
            removal.Headers.TryAddWithoutValidation("If-Match", Etag(kuwaitSecretariat));
            using var removed = await secretariat.SendAsync(removal, TestContext.Current.CancellationToken);
            await removed.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var viewer = await secretariat.PutJsonAsync($"/api/memberships/{lead.Id}", new { role = "viewer" }, Etag(lead));
        var asViewer = await ApiClient.ReadAsync<MemberResponse>(viewer, HttpStatusCode.OK);
        Assert.Equal(MemberRole.Viewer, asViewer.Role);
        Assert.Empty(asViewer.TrackIds);
        Assert.Equal(0, await MembershipsAsync(kuwaiti.Id));
        Assert.Equal(MemberRole.Secretariat, (await app.CreateClient().GetAsync<MemberResponse>($"/api/memberships/{kuwaitSecretariat.Id}")).Role);

        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var (another, _) = await app.NewAccountAsync("GB");
        using var byViewer = await app.CreateClient(viewerToken, null).PostJsonAsync(url, new { jointBodyId = reference.Body.Id, accountId = another.Id, role = "viewer" });
        await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, await MembershipsAsync(another.Id));
    }

    [Fact]
    public async Task AnAdministrator_GivesRolesToItsOwnPartysPeopleOnly_AndNonWritersAreRefusedFirst()
    {
        var admin = app.CreateClient(); // a Kuwaiti administrator
        var reference = await Reference.LoadAsync(admin);
        var (british, _) = await app.NewAccountAsync("GB");
        using (var other = await admin.PostJsonAsync("/api/memberships", new { jointBodyId = reference.Body.Id, accountId = british.Id, role = "viewer" }))
        {
            await other.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var britishSecretariat = (await admin.ListAsync<MemberResponse>($"/api/memberships?jointBodyId={reference.Body.Id}")).First(m => m.PartyId == reference.UnitedKingdom && m.Role == MemberRole.Secretariat);
        Assert.Null(britishSecretariat.Email);
        Assert.Null(britishSecretariat.Active);
        using (var demoted = await admin.PutJsonAsync($"/api/memberships/{britishSecretariat.Id}", new { role = "viewer" }, Etag(britishSecretariat)))
        {
            await demoted.ProblemAsync(HttpStatusCode.Forbidden);
        }

        // A viewer is refused before anything is checked: an unknown account and another party's answer alike.
        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var viewer = app.CreateClient(viewerToken, null);
        foreach (var accountId in new[] { Guid.CreateVersion7(), british.Id })
        {
            using var refused = await viewer.PostJsonAsync("/api/memberships", new { jointBodyId = reference.Body.Id, accountId, role = "witness" });
            Assert.Equal("forbidden", (string?)(await refused.ProblemAsync(HttpStatusCode.Forbidden))["code"]);
        }

        Assert.Equal(0, await MembershipsAsync(british.Id));
    }

    [Fact]
    public async Task BadRequests_AreRefusedUnderTheirField_AndChangeNothing()
    {
        var admin = app.CreateClient();
        var reference = await Reference.LoadAsync(admin);
        var url = "/api/memberships";
        var list = $"/api/memberships?jointBodyId={reference.Body.Id}";
        var (account, _) = await app.NewAccountAsync("KW");
        var code = "Q" + new string([.. Enumerable.Range(0, 5).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
        await admin.CreateAsync<Entente.Web.Features.Parties.PartyResponse>("/api/parties", new { code, kind = "organisation", name = new { ar = "منظمة للتجربة", en = "Trial organisation" } });
        var (outsider, outsiderToken) = await app.NewAccountAsync(code);
        var otherBodyTrack = Guid.CreateVersion7();

        var cases = new (object Body, HttpStatusCode Status, string Code, string Field)[]
        {
            (new { jointBodyId = reference.Body.Id, accountId = account.Id }, HttpStatusCode.BadRequest, RuleCodes.Required, "role"),
            (new { accountId = account.Id, role = "viewer" }, HttpStatusCode.BadRequest, RuleCodes.Required, "jointBodyId"),
            (new { jointBodyId = Guid.CreateVersion7(), accountId = account.Id, role = "viewer" }, HttpStatusCode.UnprocessableEntity, RuleCodes.UnknownReference, "jointBodyId"),
            (new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "witness" }, HttpStatusCode.BadRequest, RuleCodes.OutOfRange, "role"),
            (new { jointBodyId = reference.Body.Id, role = "viewer" }, HttpStatusCode.BadRequest, RuleCodes.Required, "accountId"),
            (new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "track-lead" }, HttpStatusCode.BadRequest, RuleCodes.Required, "trackIds"),
            (new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "viewer", trackIds = new[] { reference.Health.Id } }, HttpStatusCode.UnprocessableEntity, RuleCodes.Mismatch, "trackIds"),
            (new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "track-lead", trackIds = new[] { otherBodyTrack } }, HttpStatusCode.UnprocessableEntity, RuleCodes.UnknownReference, "trackIds[0]"),
            (new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "track-lead", trackIds = new[] { reference.Health.Id, reference.Health.Id } }, HttpStatusCode.UnprocessableEntity, RuleCodes.Duplicate, "trackIds"),
            (new { jointBodyId = reference.Body.Id, accountId = Guid.CreateVersion7(), role = "viewer" }, HttpStatusCode.UnprocessableEntity, RuleCodes.UnknownReference, "accountId"),
            (new { jointBodyId = reference.Body.Id, accountId = outsider.Id, role = "viewer" }, HttpStatusCode.UnprocessableEntity, RuleCodes.NotAMember, "accountId"),
        };
        foreach (var (body, status, rule, field) in cases)
        {
            using var response = await admin.PostJsonAsync(url, body);
            var problem = await response.ProblemAsync(status);
            Assert.True((string?)problem["code"] == rule && (string?)problem["field"] == field, $"{System.Text.Json.JsonSerializer.Serialize(body)}: {problem}");
        }

        Assert.Equal(0, await MembershipsAsync(account.Id));

        var member = await admin.CreateAsync<MemberResponse>(url, new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "viewer" });
        using (var twice = await admin.PostJsonAsync(url, new { jointBodyId = reference.Body.Id, accountId = account.Id, role = "secretariat" }))
        {
            Assert.Equal(RuleCodes.Duplicate, await CodeAsync(twice, HttpStatusCode.UnprocessableEntity));
        }

        using (var moved = await admin.PutJsonAsync($"/api/memberships/{member.Id}", new { jointBodyId = reference.Body.Id, accountId = outsider.Id, role = "viewer" }, Etag(member)))
        {
            Assert.Equal("accountId", await FieldAsync(moved, HttpStatusCode.UnprocessableEntity));
        }

        using (var stale = await admin.PutJsonAsync($"/api/memberships/{member.Id}", new { role = "secretariat" }, $"\"{member.Version + 3}\""))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        Assert.Equal(MemberRole.Viewer, (await admin.GetAsync<MemberResponse>($"/api/memberships/{member.Id}")).Role);

        // A party that is not one of the body's sees none of its members, and no membership by its id.
        var outsiderClient = app.CreateClient(outsiderToken, null);
        Assert.Empty(await outsiderClient.ListAsync<MemberResponse>(list));
        Assert.Empty(await outsiderClient.ListAsync<MemberResponse>("/api/memberships"));
        using var one = await outsiderClient.GetAsync($"/api/memberships/{member.Id}", TestContext.Current.CancellationToken);
        await one.ProblemAsync(HttpStatusCode.NotFound);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MembersTestsOnSqlite(SqliteApp app) : MembersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MembersTestsOnPostgres(PostgresApp app) : MembersTests(app);
