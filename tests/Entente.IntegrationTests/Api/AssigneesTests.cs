using System.Net;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Accounts;
using Entente.Web.Features.People;

namespace Entente.IntegrationTests.Api;

/// <summary>People as owners of items: who answers for an item, "assigned to me", a person's workload, and who may see which.</summary>
public abstract class AssigneesTests(EntenteApp app)
{
    private static async Task<PersonResponse> PersonAsync(HttpClient client, Guid? party, string en, string ar) =>
        await client.CreateAsync<PersonResponse>("/api/people", new
        {
            partyId = party,
            names = new[] { new { language = "en", text = en, isPreferred = true }, new { language = "ar", text = ar, isPreferred = true } },
        });

    /// <summary>The broken rules of a refused write: 400 for its shape, 422 for what it says about other records.</summary>
    private static async Task<System.Text.Json.Nodes.JsonArray> ErrorsOf(HttpResponseMessage response)
    {
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity });
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return problem["errors"]!.AsArray();
    }

    [Fact]
    public async Task AnItem_IsAssignedToPeopleOfTheBodysParties_AndListedByAssignee()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var officer = await PersonAsync(client, reference.Kuwait, "Officer " + Guid.NewGuid().ToString("N")[..8], "موظف الملف");
        var body = reference.NewItem("Draft the joint vaccine logistics note");
        body["assigneePersonIds"] = new[] { officer.Id };

        var (item, _) = await Reference.CreateItemAsync(client, body);

        var assignee = Assert.Single(item.Assignees!);
        Assert.Equal(officer.Id, assignee.PersonId);
        Assert.Equal(reference.Kuwait, assignee.PartyId);
        Assert.Equal(officer.Name.En, assignee.Name.En);
        var listed = await client.ListAsync<ActionItemResponse>($"/api/action-items?assigneePersonId={officer.Id}");
        Assert.Equal(item.Id, Assert.Single(listed).Id);
        Assert.Empty(await client.ListAsync<ActionItemResponse>($"/api/action-items?assigneePersonId={officer.Id}&open=false"));
    }

    [Fact]
    public async Task AnAssignee_WhoIsUnknown_OfNoParty_OrOfAPartyOutsideTheBody_IsRefusedNamingTheRow_AndNothingIsSaved()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var stateless = await PersonAsync(client, null, "Stateless adviser", "مستشار");
        var outsider = await client.CreateAsync<JsonObject>("/api/parties", new { code = "X-" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26)))]), kind = "organisation", name = new { ar = "طرف ثالث", en = "A third party" } });
        var foreigner = await PersonAsync(client, Guid.Parse((string)outsider["id"]!), "Foreign envoy", "مبعوث");
        var before = (await client.GetAsync<Entente.Web.Infrastructure.PageOf<ActionItemResponse>>($"/api/action-items?jointBodyId={reference.Body.Id}&pageSize=1")).Total;

        foreach (var (ids, field, code) in new[]
        {
            (new[] { Guid.NewGuid() }, "assigneePersonIds[0]", RuleCodes.UnknownReference),
            (new[] { stateless.Id }, "assigneePersonIds[0]", RuleCodes.Required),
            (new[] { stateless.Id, foreigner.Id }, "assigneePersonIds[1]", RuleCodes.NotAMember),
            (new[] { foreigner.Id, foreigner.Id }, "assigneePersonIds[1]", RuleCodes.Duplicate),
        })
        {
            var body = reference.NewItem();
            body["assigneePersonIds"] = ids;
            using var response = await client.PostJsonAsync("/api/action-items", body);
            var errors = (await ErrorsOf(response)).Select(e => ((string?)e!["field"], (string?)e["code"])).ToList();
            Assert.Contains((field, code), errors);
        }

        Assert.Equal(before, (await client.GetAsync<Entente.Web.Infrastructure.PageOf<ActionItemResponse>>($"/api/action-items?jointBodyId={reference.Body.Id}&pageSize=1")).Total);
    }

    [Fact]
    public async Task AnAdministrator_LinksAnAccountToAPersonOfItsOwnParty_Only_AndTheAccountThenReadsItsItems()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (account, token) = await app.NewAccountAsync("KW", role: MemberRole.TrackLead, trackIds: [reference.Health.Id]);
        var (ukAdmin, ukToken) = await app.NewAccountAsync("GB", administrator: true, role: MemberRole.Secretariat);
        var uk = app.CreateClient(ukToken, null);
        var me = await PersonAsync(client, reference.Kuwait, "Track officer " + Guid.NewGuid().ToString("N")[..8], "مسؤول المسار");
        var briton = await PersonAsync(uk, reference.UnitedKingdom, "UK officer " + Guid.NewGuid().ToString("N")[..8], "موظف بريطاني");

        using (var mismatch = await client.PutJsonAsync($"/api/accounts/{account.Id}/person", new { personId = briton.Id }, null))
        {
            Assert.Equal("personId", (string?)(await ErrorsOf(mismatch))[0]!["field"]);
        }

        using (var otherParty = await uk.PutJsonAsync($"/api/accounts/{account.Id}/person", new { personId = me.Id }, null))
        {
            Assert.Equal(HttpStatusCode.NotFound, otherParty.StatusCode); // another party's account is not even seen
        }

        using (var notAdmin = await app.CreateClient(token, null).PutJsonAsync($"/api/accounts/{account.Id}/person", new { personId = me.Id }, null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, notAdmin.StatusCode);
        }

        var linked = await ApiClient.ReadAsync<AccountResponse>(await client.PutJsonAsync($"/api/accounts/{account.Id}/person", new { personId = me.Id }, null), HttpStatusCode.OK);
        Assert.Equal(me.Id, linked.PersonId);
        var (other, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        using (var twice = await client.PutJsonAsync($"/api/accounts/{other.Id}/person", new { personId = me.Id }, null))
        {
            Assert.Equal(RuleCodes.Duplicate, (string?)(await ErrorsOf(twice))[0]!["code"]);
        }

        var body = reference.NewItem("Report the clinic staffing figures");
        body["assigneePersonIds"] = new[] { me.Id };
        var (item, _) = await Reference.CreateItemAsync(client, body);
        var self = app.CreateClient(token, null);
        Assert.Equal(me.Id, (await self.GetAsync<MeResponse>("/api/me")).PersonId);
        Assert.Contains(item.Id, (await self.ListAsync<ActionItemResponse>($"/api/action-items?assigneePersonId={me.Id}")).Select(i => i.Id));

        var browser = await PageSession.SignedInClientAsync(app, account);
        var mine = await browser.GetStringAsync("/items/assigned", TestContext.Current.CancellationToken);
        Assert.Contains($"/action-items/{item.Id}", mine, StringComparison.Ordinal);
        Assert.Contains("Report the clinic staffing figures", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"no-person\"", mine, StringComparison.Ordinal);

        using (var noPerson = await client.PutJsonAsync($"/api/accounts/{account.Id}/person", new { }, null))
        {
            Assert.Equal(RuleCodes.Required, (string?)(await ErrorsOf(noPerson))[0]!["code"]);
        }

        Assert.Equal(me.Id, (await self.GetAsync<MeResponse>("/api/me")).PersonId);
        using (var unlinked = await client.DeleteAsync($"/api/accounts/{account.Id}/person", TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        }

        Assert.Null((await self.GetAsync<MeResponse>("/api/me")).PersonId);
        _ = ukAdmin;
    }

    [Fact]
    public async Task AnAccountOfNoPerson_IsToldWhy_ItsListIsEmpty()
    {
        var (account, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, account);

        var page = await browser.GetStringAsync("/items/assigned", TestContext.Current.CancellationToken);

        Assert.Contains("data-testid=\"no-person\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANationalItemOfOneParty_NeverShowsInTheOtherPartysViewOfAPersonsWorkload()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var marker = "NATIONAL-WORKLOAD-" + Guid.NewGuid().ToString("N")[..8];
        var officer = await PersonAsync(client, reference.Kuwait, "Desk officer " + marker[^8..], "موظف المكتب");
        var joint = reference.NewItem("Joint item of the desk officer");
        joint["assigneePersonIds"] = new[] { officer.Id };
        await Reference.CreateItemAsync(client, joint);
        var national = reference.NewItem(marker);
        national["assigneePersonIds"] = new[] { officer.Id };
        national["visibility"] = "national";
        national["ownerPartyId"] = reference.Kuwait;
        await Reference.CreateItemAsync(client, national);
        var (ukAccount, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);

        var ukItems = await app.CreateClient(ukToken, null).ListAsync<ActionItemResponse>($"/api/action-items?assigneePersonId={officer.Id}");
        var ukPage = await (await PageSession.SignedInClientAsync(app, ukAccount)).GetStringAsync($"/items/assigned/{officer.Id}", TestContext.Current.CancellationToken);
        var kwItems = await client.ListAsync<ActionItemResponse>($"/api/action-items?assigneePersonId={officer.Id}");

        Assert.Single(ukItems);
        Assert.DoesNotContain(marker, ukPage, StringComparison.Ordinal);
        Assert.Contains("Joint item of the desk officer", ukPage, StringComparison.Ordinal);
        Assert.Equal(2, kwItems.Count);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssigneesTestsOnSqlite(SqliteApp app) : AssigneesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AssigneesTestsOnPostgres(PostgresApp app) : AssigneesTests(app);
