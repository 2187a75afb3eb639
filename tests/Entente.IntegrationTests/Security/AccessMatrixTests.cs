using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;

namespace Entente.IntegrationTests.Security;

/// <summary>
/// The access matrix on action items of the health track: role × party × visibility × verb.
/// A national record of the other party is not found (404), never forbidden, so that its
/// existence does not leak; a visible record the role may not change is forbidden (403).
/// </summary>
public abstract class AccessMatrixTests(EntenteApp app)
{
    public static TheoryData<MemberRole, string, string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<MemberRole, string, string, string, HttpStatusCode>();
        foreach (var role in Enum.GetValues<MemberRole>())
        {
            foreach (var party in new[] { "KW", "GB" })
            {
                foreach (var visibility in new[] { "joint", "national-kw" })
                {
                    var hidden = visibility == "national-kw" && party == "GB";
                    data.Add(role, party, visibility, "GET", hidden ? HttpStatusCode.NotFound : HttpStatusCode.OK);
                    data.Add(role, party, visibility, "PUT", hidden ? HttpStatusCode.NotFound : role == MemberRole.Viewer ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ActionItem_OfTheHealthTrack(MemberRole role, string party, string visibility, string verb, HttpStatusCode expected)
    {
        var owner = app.CreateClient();
        var reference = await Reference.LoadAsync(owner);
        var body = reference.NewItem($"Matrix {role} {party} {visibility}");
        if (visibility == "national-kw")
        {
            body["visibility"] = "national";
            body["ownerPartyId"] = reference.Kuwait;
        }

        var (item, etag) = await Reference.CreateItemAsync(owner, body);
        var (_, token) = await app.NewAccountAsync(party, role: role, trackIds: role == MemberRole.TrackLead ? [reference.Health.Id] : []);
        var caller = app.CreateClient(token, null);

        body["title"] = new { ar = "تعديل", en = $"Changed by {role} {party}" };
        using var response = verb == "GET"
            ? await caller.GetAsync($"/api/action-items/{item.Id}", TestContext.Current.CancellationToken)
            : await caller.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);

        Assert.Equal(expected, response.StatusCode);
        var after = await owner.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        Assert.Equal(verb == "PUT" && expected == HttpStatusCode.OK ? 2L : 1L, after.Version);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AccessMatrixTestsOnSqlite(SqliteApp app) : AccessMatrixTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AccessMatrixTestsOnPostgres(PostgresApp app) : AccessMatrixTests(app);
