using System.Net;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Security;

/// <summary>
/// Every field of every write that decides who may see or change a record — its track, visibility, owner,
/// joint body, session, party — changed by every role, generated from the OpenAPI document: a write is
/// judged on the record as it was and as it will be, so that no role takes over, hides or moves a record
/// that is not its own. Each case starts from a body the program accepts unchanged (so that only the one
/// field makes the difference), and the record must be left as it was.
/// </summary>
public abstract class WriteScopeTests(EntenteApp app)
{
    /// <summary>The request fields that decide who may see or change a record.</summary>
    private static readonly string[] ScopeFields = ["trackId", "visibility", "ownerPartyId", "jointBodyId", "sessionId", "partyId", "partyIds"];

    private sealed record Writer(string Name, string Party, MemberRole Role, HttpClient Client);

    /// <summary>Why the records tried as a starting point refused their own unchanged body (for the message when none accepts it).</summary>
    private List<string> Refusals { get; } = [];

    [Fact]
    public async Task EveryScopeField_OfEveryWrite_ChangedByEveryRole_IsRefusedUnlessTheRoleMayWriteTheRecordAsItWasAndAsItWillBe()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var openApi = await OpenApi.LoadAsync(kuwait);
        var other = await OtherBodyAsync(kuwait, reference);
        var writers = new List<Writer>();
        foreach (var (party, role) in new[] { ("GB", MemberRole.Viewer), ("GB", MemberRole.TrackLead), ("GB", MemberRole.Secretariat), ("GB", MemberRole.CoChair), ("KW", MemberRole.Viewer), ("KW", MemberRole.TrackLead) })
        {
            var (_, token) = await app.NewAccountAsync(party, role: role, trackIds: role == MemberRole.TrackLead ? [reference.Health.Id] : []);
            writers.Add(new Writer($"{party} {role}", party, role, app.CreateClient(token, null)));
        }

        var writes = openApi.Operations.Where(o => o.Method == "PUT" && o.Path.EndsWith("/{id}", StringComparison.Ordinal) && o.Body?["properties"] is JsonObject p && ScopeFields.Any(p.ContainsKey)).ToList();
        Assert.True(writes.Count >= 12, $"Only {writes.Count} writes with scope fields found.");
        var failures = new List<string>();
        var cases = 0;
        foreach (var write in writes)
        {
            var collection = write.Path[..^"/{id}".Length];
            var fields = write.Body!["properties"]!.AsObject();
            var (record, body) = await RequestBodies.EditableRecordAsync(kuwait, collection, fields, reference, Refusals, openApi);
            if (record is null)
            {
                failures.Add($"{collection}: no record of the reference body accepts its own unchanged body from its secretariat: {string.Join(" | ", Refusals.Where(r => r.StartsWith(collection, StringComparison.Ordinal)).Select(r => r[..Math.Min(200, r.Length)]))}");
                continue;
            }

            foreach (var field in ScopeFields.Where(fields.ContainsKey))
            {
                foreach (var writer in writers)
                {
                    foreach (var (change, mutated) in Mutations(field, body!, writer, reference, other))
                    {
                        if (writer.Role is MemberRole.Secretariat or MemberRole.CoChair && MayChange(collection, field, change))
                        {
                            continue; // the role writes this record as it was and as it will be: not a case of refusal
                        }

                        cases++;
                        var before = await RequestBodies.VersionAsync(kuwait, collection, record.Value);
                        using var response = await writer.Client.PutJsonAsync($"{collection}/{record}", mutated, $"\"{before}\"");
                        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                        var after = await RequestBodies.VersionAsync(kuwait, collection, record.Value);
                        if (response.IsSuccessStatusCode || (int)response.StatusCode >= 500 || after != before)
                        {
                            failures.Add($"{writer.Name}: PUT {collection} with {field} {change} answered {(int)response.StatusCode} (version {before} → {after}): {text[..Math.Min(200, text.Length)]}");
                        }
                    }
                }
            }
        }

        Assert.True(cases > 150, $"Only {cases} cases were tried.");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task TheOtherPartysPerson_IsNotChangedByASecretariat_ButByItsOwnParty()
    {
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var (_, kwToken) = await app.NewAccountAsync("KW", role: MemberRole.Secretariat);
        var uk = app.CreateClient(ukToken, null);
        var kw = app.CreateClient(kwToken, null);
        var person = await kw.CreateAsync<JsonObject>("/api/people", new
        {
            partyId = reference.Kuwait,
            names = new[] { new { language = "ar", text = "سالم التجريبي", isPreferred = true }, new { language = "en", text = $"Salem Test {Guid.NewGuid():N}", isPreferred = true } },
        });
        var body = new Dictionary<string, object?> { ["partyId"] = reference.Kuwait, ["names"] = person["names"]!.DeepClone() };

        using var byTheOtherSide = await uk.PutJsonAsync($"/api/people/{person["id"]}", body, "\"1\"");
        using var takenOver = await uk.PutJsonAsync($"/api/people/{person["id"]}", new Dictionary<string, object?>(body) { ["partyId"] = reference.UnitedKingdom }, "\"1\"");
        using var byItsOwnSide = await kw.PutJsonAsync($"/api/people/{person["id"]}", new Dictionary<string, object?>(body) { ["honorifics"] = new[] { new { ar = "السيد", en = "Mr" } } }, "\"1\"");

        await byTheOtherSide.ProblemAsync(HttpStatusCode.Forbidden);
        await takenOver.ProblemAsync(HttpStatusCode.Forbidden);
        await ApiClient.EnsureAsync(byItsOwnSide, HttpStatusCode.OK);
        // Recording the other side's people (who attended, who signed) stays open to either secretariat.
        await uk.CreateAsync<JsonObject>("/api/people", new
        {
            partyId = reference.Kuwait,
            names = new[] { new { language = "ar", text = "ناصر التجريبي", isPreferred = true }, new { language = "en", text = $"Nasser Test {Guid.NewGuid():N}", isPreferred = true } },
        });
    }

    [Fact]
    public async Task AJointRecord_MadeNationalByItsOwnWriters_IsRefused_AndTheOtherPartyStillSeesIt()
    {
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var uk = app.CreateClient(ukToken, null);
        var kw = app.CreateClient();
        var (item, etag) = await Reference.CreateItemAsync(uk, reference.NewItem("A joint item Britain wrote"));
        foreach (var (client, owner) in new[] { (uk, reference.UnitedKingdom), (kw, reference.Kuwait) })
        {
            var body = reference.NewItem("A joint item Britain wrote");
            body["visibility"] = "national";
            body["ownerPartyId"] = owner;

            using var withdrawn = await client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);

            var problem = await withdrawn.ProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal((RuleCodes.StaysJoint, "visibility"), ((string?)problem["code"], (string?)problem["field"]));
        }

        Assert.Equal(Visibility.Joint, (await kw.GetAsync<Entente.Web.Features.ActionItems.ActionItemResponse>($"/api/action-items/{item.Id}")).Visibility);
        Assert.Equal(1L, (await uk.GetAsync<Entente.Web.Features.ActionItems.ActionItemResponse>($"/api/action-items/{item.Id}")).Version);
    }

    [Fact]
    public async Task ANationalRecord_SharedByItsParty_BecomesJoint_WithTheClaimsAboutIt()
    {
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var body = reference.NewItem("A Kuwaiti item shared later");
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.Kuwait;
        var (item, etag) = await Reference.CreateItemAsync(kw, body);
        var source = (await kw.ListAsync<JsonObject>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];
        await kw.CreateAsync<JsonObject>("/api/claims", new { recordType = "action-item", recordId = item.Id, field = "dueOn", value = "2021-10-31", sourceId = (Guid)source["id"]! });
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var uk = app.CreateClient(ukToken, null);
        Assert.Empty(await uk.ListAsync<JsonObject>($"/api/claims?recordId={item.Id}"));

        body["visibility"] = "joint";
        body["ownerPartyId"] = null;
        using var shared = await kw.PutJsonAsync($"/api/action-items/{item.Id}", body, etag);

        await ApiClient.EnsureAsync(shared, HttpStatusCode.OK);
        Assert.Equal(Visibility.Joint, (await uk.GetAsync<Entente.Web.Features.ActionItems.ActionItemResponse>($"/api/action-items/{item.Id}")).Visibility);
        Assert.Single(await uk.ListAsync<JsonObject>($"/api/claims?recordId={item.Id}"));
    }

    [Fact]
    public async Task AJointRecord_NamingANationalOne_IsRefusedUnderThatField_ANationalOneOfTheSamePartyMay()
    {
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var plant = await NationalPlant.PlantAsync(kw, reference);
        var agreement = plant.Ids["/api/agreements"];
        var item = plant.Ids["/api/action-items"];
        var meeting = plant.Ids["/api/meetings"];
        var document = plant.Ids["/api/documents"];
        var cases = new (string Url, Dictionary<string, object?> Body, string Field)[]
        {
            ("/api/action-items", With(reference.NewItem(), ("agreementIds", new[] { agreement })), "agreementIds"),
            ("/api/obstacles", Obstacle(reference, ("actionItemId", item)), "actionItemId"),
            ("/api/obstacles", Obstacle(reference, ("agreementId", agreement)), "agreementId"),
            ("/api/documents", new() { ["jointBodyId"] = reference.Body.Id, ["kind"] = "roadmap", ["title"] = new { ar = "وثيقة", en = "A document" }, ["meetingId"] = meeting }, "meetingId"),
            ("/api/documents", new() { ["jointBodyId"] = reference.Body.Id, ["kind"] = "roadmap", ["title"] = new { ar = "وثيقة", en = "A document" }, ["agreementId"] = agreement }, "agreementId"),
            ("/api/notes", new() { ["jointBodyId"] = reference.Body.Id, ["targetType"] = "action-item", ["targetId"] = item, ["language"] = "en", ["text"] = "A joint note on a national item" }, "targetId"),
            ("/api/action-plans", new() { ["sessionId"] = reference.Session17.Id, ["title"] = new { ar = "خطة", en = "A plan" }, ["planVersion"] = 900 + Random.Shared.Next(90_000), ["documentId"] = document }, "documentId"),
        };
        var before = await AuditHeadAsync();
        foreach (var (url, body, field) in cases)
        {
            using var response = await kw.PostJsonAsync(url, body);

            var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Equal((RuleCodes.NationalReference, field), ((string?)problem["code"], (string?)problem["field"]));
        }

        Assert.Equal(before, await AuditHeadAsync());
        var national = With(reference.NewItem(), ("agreementIds", new[] { agreement }), ("visibility", "national"), ("ownerPartyId", reference.Kuwait));
        await kw.CreateAsync<JsonObject>("/api/action-items", national);
        // Sharing a record that names a national one is refused in the same way: share what it names first.
        var (shared, etag) = await Reference.CreateItemAsync(kw, national);
        using var refused = await kw.PutJsonAsync($"/api/action-items/{shared.Id}", With(national, ("visibility", "joint"), ("ownerPartyId", null)), etag);
        Assert.Equal("agreementIds", (string?)(await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity))["field"]);
    }

    [Fact]
    public async Task ANationalBriefing_Shared_TakesBackItsOneSidedApproval_AndIsRefusedWhileItsOutcomesAreNational()
    {
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var (_, ukToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var uk = app.CreateClient(ukToken, null);
        var briefing = new Dictionary<string, object?>
        {
            ["sessionId"] = reference.Session17.Id, ["title"] = new { ar = "إحاطة", en = "A Kuwaiti briefing" }, ["minutes"] = new { ar = "المحضر", en = "Minutes" },
            ["durationMinutes"] = 10, ["trackId"] = reference.Health.Id, ["visibility"] = "national", ["ownerPartyId"] = reference.Kuwait,
        };
        var approved = await kw.CreateAsync<Entente.Web.Features.Agenda.AgendaItemResponse>("/api/agenda-items", briefing);
        using (var proposed = await kw.PostJsonAsync($"/api/agenda-items/{approved.Id}/minutes/proposal", new { }, "\"1\""))
        using (var approval = await kw.PostJsonAsync($"/api/agenda-items/{approved.Id}/minutes/approval", new { }, "\"2\""))
        {
            Assert.Equal(MinutesStatus.Approved, (await ApiClient.ReadAsync<Entente.Web.Features.Agenda.AgendaItemResponse>(approval, HttpStatusCode.OK)).MinutesStatus);
        }

        var withOutcome = await kw.CreateAsync<Entente.Web.Features.Agenda.AgendaItemResponse>("/api/agenda-items", briefing);
        using (var outcome = await kw.PostJsonAsync($"/api/agenda-items/{withOutcome.Id}/outcomes", new { kind = "new-action-item", title = new { ar = "بند", en = "A national item" }, dueOn = "2027-01-31" }))
        {
            await ApiClient.EnsureAsync(outcome, HttpStatusCode.OK);
        }

        var shared = new Dictionary<string, object?>(briefing) { ["visibility"] = "joint", ["ownerPartyId"] = null };
        using var sharedApproved = await kw.PutJsonAsync($"/api/agenda-items/{approved.Id}", shared, "\"3\"");
        using var sharedWithOutcome = await kw.PutJsonAsync($"/api/agenda-items/{withOutcome.Id}", shared, "\"2\"");

        var seen = await ApiClient.ReadAsync<Entente.Web.Features.Agenda.AgendaItemResponse>(sharedApproved, HttpStatusCode.OK);
        Assert.Equal((MinutesStatus.Draft, 0), (seen.MinutesStatus, seen.MinutesApprovals.Count));
        Assert.Equal(MinutesStatus.Draft, (await uk.GetAsync<Entente.Web.Features.Agenda.AgendaItemResponse>($"/api/agenda-items/{approved.Id}")).MinutesStatus);
        Assert.Equal((RuleCodes.NationalReference, "outcomes"), await CodeAndFieldAsync(sharedWithOutcome, HttpStatusCode.UnprocessableEntity));
    }

    [Fact]
    public async Task AnAdministrator_RemovesOnlyItsOwnPartyFromAJointBody_NeverTheOtherOne()
    {
        var kw = app.CreateClient();
        var reference = await Reference.LoadAsync(kw);
        var (_, ukAdminToken) = await app.NewAccountAsync("GB", administrator: true);
        var ukAdmin = app.CreateClient(ukAdminToken, null);
        var body = await kw.CreateAsync<JsonObject>("/api/joint-bodies", new
        {
            kind = "working-group",
            name = new { ar = "فريق عمل", en = $"A working group {Guid.NewGuid():N}" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
        });
        var code = "X-" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26)))]);
        var third = await kw.CreateAsync<JsonObject>("/api/parties", new { code, kind = "organisation", name = new { ar = "طرف", en = "A third party" } });
        object Parties(params Guid[] ids) => new { kind = "working-group", name = body["name"]!.DeepClone(), partyIds = ids };

        using var expelled = await ukAdmin.PutJsonAsync($"/api/joint-bodies/{body["id"]}", Parties(reference.UnitedKingdom, (Guid)third["id"]!), "\"1\"");
        using var joined = await ukAdmin.PutJsonAsync($"/api/joint-bodies/{body["id"]}", Parties(reference.Kuwait, reference.UnitedKingdom, (Guid)third["id"]!), "\"1\"");
        using var left = await kw.PutJsonAsync($"/api/joint-bodies/{body["id"]}", Parties(reference.UnitedKingdom, (Guid)third["id"]!), "\"2\"");

        await expelled.ProblemAsync(HttpStatusCode.Forbidden);
        await ApiClient.EnsureAsync(joined, HttpStatusCode.OK);
        await ApiClient.EnsureAsync(left, HttpStatusCode.OK);
    }

    private static async Task<(string?, string?)> CodeAndFieldAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ProblemAsync(status);
        return ((string?)problem["code"], (string?)problem["field"]);
    }

    private static Dictionary<string, object?> With(Dictionary<string, object?> body, params (string Key, object? Value)[] changes)
    {
        var copy = new Dictionary<string, object?>(body);
        foreach (var (key, value) in changes)
        {
            copy[key] = value;
        }

        return copy;
    }

    private static Dictionary<string, object?> Obstacle(Reference reference, (string Key, object? Value) link) => With(new Dictionary<string, object?>
    {
        ["jointBodyId"] = reference.Body.Id, ["trackId"] = reference.Health.Id, ["title"] = new { ar = "عقبة", en = "An obstacle" },
        ["status"] = "open", ["raisedByPartyId"] = reference.Kuwait, ["raisedOn"] = "2021-05-02",
    }, link);

    /// <summary>Changes a secretariat or co-chair may make to a joint record of its body (the rest of the cases are refusals).</summary>
    private static bool MayChange(string collection, string field, string change) =>
        (field == "trackId" && collection != "/api/tracks") || (field == "partyIds" && collection == "/api/agreements")
        || (field == "sessionId" && change == "another session of the body");

    /// <summary>The changes of one field tried by one writer.</summary>
    private static IEnumerable<(string Change, JsonObject Body)> Mutations(string field, JsonObject body, Writer writer, Reference reference, (Guid Body, Guid Session) other)
    {
        var own = writer.Party == "GB" ? reference.UnitedKingdom : reference.Kuwait;
        JsonObject With(params (string Key, JsonNode? Value)[] changes)
        {
            var copy = body.DeepClone().AsObject();
            foreach (var (key, value) in changes)
            {
                copy[key] = value;
            }

            return copy;
        }

        switch (field)
        {
            case "trackId":
                yield return ("into the writer's own track", With((field, reference.Health.Id)));
                break;
            case "visibility":
                yield return ("made national to the writer's party", With(("visibility", "national"), ("ownerPartyId", own)));
                yield return ("made national to the other party", With(("visibility", "national"), ("ownerPartyId", own == reference.Kuwait ? reference.UnitedKingdom : reference.Kuwait)));
                break;
            case "ownerPartyId":
                yield return ("owned by the writer's party", With(("ownerPartyId", own)));
                break;
            case "jointBodyId":
                yield return ("moved to another body", With((field, other.Body)));
                break;
            case "sessionId":
                yield return ("moved to another body's session", With((field, other.Session)));
                if (body[field] is not null)
                {
                    yield return ("another session of the body", With((field, reference.Session16.Id == (Guid?)body[field] ? reference.Session17.Id : reference.Session16.Id)));
                }

                break;
            case "partyId":
                yield return ("given to the writer's party", With((field, own)));
                break;
            case "partyIds":
                yield return ("only the writer's party", With((field, new JsonArray(own))));
                break;
        }
    }


    /// <summary>A second joint body of the same two parties, with a session: somewhere to move a record to.</summary>
    private static async Task<(Guid Body, Guid Session)> OtherBodyAsync(HttpClient admin, Reference reference)
    {
        var body = await admin.CreateAsync<JsonObject>("/api/joint-bodies", new
        {
            kind = "working-group",
            name = new { ar = "فريق عمل آخر", en = $"Another working group {Guid.NewGuid():N}" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
        });
        var session = await admin.CreateAsync<JsonObject>("/api/sessions", new { jointBodyId = (Guid)body["id"]!, number = 1, placeKind = "virtual" });
        return ((Guid)body["id"]!, (Guid)session["id"]!);
    }

    private async Task<long> AuditHeadAsync()
    {
        await using var scope = app.Scope(out var db);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.AuditEntries, a => a.Sequence, TestContext.Current.CancellationToken);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WriteScopeTestsOnSqlite(SqliteApp app) : WriteScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WriteScopeTestsOnPostgres(PostgresApp app) : WriteScopeTests(app);
