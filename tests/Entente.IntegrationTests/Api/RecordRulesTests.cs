using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Notes;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Sources;
using Entente.Web.Features.Tracks;

namespace Entente.IntegrationTests.Api;

/// <summary>Rules that span records: visibility kept, plans locked, sessions reopened with a reason, references checked.</summary>
public abstract class RecordRulesTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Put_NationalNoteWithoutVisibility_StaysNational()
    {
        var reference = await Reference.LoadAsync(_client);
        var note = await _client.CreateAsync<NoteResponse>("/api/notes", new
        {
            jointBodyId = reference.Body.Id,
            targetType = "track",
            targetId = reference.Health.Id,
            language = "ar",
            text = "موقف وطني أولي بشأن التعاون الصحي",
            visibility = "national",
            ownerPartyId = reference.Kuwait,
        });

        using var response = await _client.PutJsonAsync(
            $"/api/notes/{note.Id}",
            new { jointBodyId = reference.Body.Id, targetType = "track", targetId = reference.Health.Id, language = "ar", text = "موقف وطني معدّل" },
            "\"1\"");

        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        var after = await _client.GetAsync<NoteResponse>($"/api/notes/{note.Id}");
        Assert.Equal((Visibility.National, (Guid?)reference.Kuwait, "موقف وطني معدّل"), (after.Visibility, after.OwnerPartyId, after.Text));
    }

    [Fact]
    public async Task Post_NationalNoteOfAPartyOutsideTheBody_Is422NotAMember()
    {
        var reference = await Reference.LoadAsync(_client);
        var outsider = await _client.CreateAsync<Entente.Web.Features.Parties.PartyResponse>("/api/parties", new
        {
            code = "X-" + new string([.. Enumerable.Range(0, 6).Select(_ => (char)('A' + Random.Shared.Next(26)))]),
            kind = "organisation",
            name = new { ar = "منظمة أخرى", en = "Another organisation" },
        });

        using var response = await _client.PostJsonAsync("/api/notes", new
        {
            jointBodyId = reference.Body.Id,
            targetType = "joint-body",
            targetId = reference.Body.Id,
            language = "en",
            text = "Not ours to hold.",
            visibility = "national",
            ownerPartyId = outsider.Id,
        });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("not-a-member", "ownerPartyId"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_NullEntryInCoChairs_Is400NamingTheEntry()
    {
        var reference = await Reference.LoadAsync(_client);

        using var response = await _client.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = 500 + Random.Shared.Next(1000), coChairs = new object?[] { null } });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("required", "coChairs[0]"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_SessionNumberTaken_Is422Duplicate()
    {
        var reference = await Reference.LoadAsync(_client);

        using var response = await _client.PostJsonAsync("/api/sessions", new { jointBodyId = reference.Body.Id, number = 16 });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("duplicate", "number"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Put_ConcludedSessionReopenedWithoutReason_Is422_WithReason_IsOpenAndKeepsTheReason()
    {
        var reference = await Reference.LoadAsync(_client);
        var session = await _client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = 2000 + Random.Shared.Next(10000), status = "concluded", placeKind = "virtual" });
        var body = new Dictionary<string, object?> { ["jointBodyId"] = reference.Body.Id, ["number"] = session.Number, ["status"] = "open", ["placeKind"] = "virtual" };

        using var withoutReason = await _client.PutJsonAsync($"/api/sessions/{session.Id}", body, "\"1\"");
        Assert.Equal(("reason-required", "reopenReason"), await CodeAndFieldAsync(withoutReason, HttpStatusCode.UnprocessableEntity));

        body["reopenReason"] = "Minutes of the closing meeting to be corrected.";
        using var withReason = await _client.PutJsonAsync($"/api/sessions/{session.Id}", body, "\"1\"");
        await ApiClient.EnsureAsync(withReason, HttpStatusCode.OK);
        var after = await _client.GetAsync<SessionResponse>($"/api/sessions/{session.Id}");
        Assert.Equal((SessionStatus.Open, "Minutes of the closing meeting to be corrected.", 2L), (after.Status, after.ReopenReason, after.Version));
    }

    [Fact]
    public async Task Put_TrackUnderItsOwnSubTopic_Is422()
    {
        var reference = await Reference.LoadAsync(_client);
        var parent = await _client.CreateAsync<TrackResponse>("/api/tracks", new { jointBodyId = reference.Body.Id, area = "science", name = new { ar = "الفضاء", en = "Space" } });
        var child = await _client.CreateAsync<TrackResponse>("/api/tracks", new { jointBodyId = reference.Body.Id, parentTrackId = parent.Id, area = "science", name = new { ar = "الأقمار الصناعية", en = "Satellites" } });

        using var response = await _client.PutJsonAsync($"/api/tracks/{parent.Id}", new { jointBodyId = reference.Body.Id, parentTrackId = child.Id, area = "science", name = new { ar = "الفضاء", en = "Space" } }, "\"1\"");

        Assert.Equal(("cycle", "parentTrackId"), await CodeAndFieldAsync(response, HttpStatusCode.UnprocessableEntity));
        using var inArabic = await app.CreateClient("ar").PutJsonAsync($"/api/tracks/{parent.Id}", new { jointBodyId = reference.Body.Id, parentTrackId = child.Id, area = "science", name = new { ar = "الفضاء", en = "Space" } }, "\"1\"");
        Assert.Contains("موضوعًا فرعيًا لنفسه", (string?)(await inArabic.ProblemAsync(HttpStatusCode.UnprocessableEntity))["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_ClaimAboutNoRecord_Is422UnknownReference()
    {
        var reference = await Reference.LoadAsync(_client);
        var source = (await _client.ListAsync<SourceResponse>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];

        using var response = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = Guid.NewGuid(), field = "number", value = "16", sourceId = source.Id });

        Assert.Equal(("unknown-reference", "recordId"), await CodeAndFieldAsync(response, HttpStatusCode.UnprocessableEntity));
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("startson")]
    [InlineData("placeNam.ar")]
    [InlineData("id")]
    [InlineData("version")]
    public async Task Post_ClaimAboutAFieldTheRecordHasNot_Is400UnknownField_AndStoresNothing(string field)
    {
        var reference = await Reference.LoadAsync(_client);
        var source = (await _client.ListAsync<SourceResponse>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];
        var before = (await _client.ListAsync<ClaimResponse>($"/api/claims?recordType=session&recordId={reference.Session17.Id}")).Count;

        using var response = await _client.PostJsonAsync("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session17.Id, field, value = "x", sourceId = source.Id });

        Assert.Equal(("unknown-field", "field"), await CodeAndFieldAsync(response, HttpStatusCode.BadRequest));
        Assert.Equal(before, (await _client.ListAsync<ClaimResponse>($"/api/claims?recordType=session&recordId={reference.Session17.Id}")).Count);
    }

    [Theory]
    [InlineData("placeName.ar")]
    [InlineData("coChairs[0].title")]
    [InlineData("nextPlaceKind")]
    [InlineData("")]
    public async Task Post_ClaimAboutAFieldOrAPathOfTheRecord_IsKept(string field)
    {
        var reference = await Reference.LoadAsync(_client);
        var source = (await _client.ListAsync<SourceResponse>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];

        var claim = await _client.CreateAsync<ClaimResponse>("/api/claims", new { jointBodyId = reference.Body.Id, recordType = "session", recordId = reference.Session17.Id, field, value = "x", sourceId = source.Id });

        Assert.Equal(field, claim.Field);
    }

    [Fact]
    public async Task Claims_TwoSourcesDisagreeing_AreBothKeptAndMarkedDisputed()
    {
        var reference = await Reference.LoadAsync(_client);
        var startsOn = await _client.ListAsync<ClaimResponse>($"/api/claims?recordType=session&recordId={reference.Session16.Id}&field=startsOn");
        var undisputed = await _client.ListAsync<ClaimResponse>($"/api/claims?recordType=session&recordId={reference.Session16.Id}&disputed=false");

        // The Arabic release gives 31 July, the British Embassy's release 29 July: both are kept, each with its source.
        Assert.Equal(2, startsOn.Select(c => c.Value).Distinct().Count());
        Assert.Equal(2, startsOn.Select(c => c.SourceId).Distinct().Count());
        Assert.All(startsOn, c => Assert.True(c.Disputed));
        Assert.DoesNotContain(undisputed, c => c.Field == "startsOn");
    }

    [Fact]
    public async Task ActionPlan_FrozenPlanTextIsLocked_AndAStatusChangeNeverSignsIt()
    {
        var reference = await Reference.LoadAsync(_client);
        var plan = await _client.CreateAsync<ActionPlanResponse>("/api/action-plans", new { sessionId = reference.Session17.Id, title = new { ar = "مسودة خطة العمل", en = "Draft action plan" }, planVersion = 100 + Random.Shared.Next(100000), coversFrom = new { year = 2021, month = 1 }, coversTo = new { year = 2021, month = 12 } });
        Assert.Equal(("2021-01", "2021-12"), (plan.CoversFrom!.Text, plan.CoversTo!.Text));
        var body = new Dictionary<string, object?> { ["sessionId"] = reference.Session17.Id, ["title"] = new { ar = "مسودة خطة العمل", en = "Draft action plan" }, ["planVersion"] = plan.PlanVersion, ["status"] = "frozen", ["coversFrom"] = new { year = 2021, month = 1 }, ["coversTo"] = new { year = 2021, month = 12 } };
        using var frozen = await _client.PutJsonAsync($"/api/action-plans/{plan.Id}", body, "\"1\"");
        await ApiClient.EnsureAsync(frozen, HttpStatusCode.OK);

        body["title"] = new { ar = "مسودة معدلة", en = "Reworded draft" };
        using var reworded = await _client.PutJsonAsync($"/api/action-plans/{plan.Id}", body, "\"2\"");
        Assert.Equal(("plan-locked", "title"), await CodeAndFieldAsync(reworded, HttpStatusCode.Conflict));

        body["title"] = new { ar = "مسودة خطة العمل", en = "Draft action plan" };
        body["status"] = "signed";
        using var signed = await _client.PutJsonAsync($"/api/action-plans/{plan.Id}", body, "\"2\"");
        Assert.Equal(("signatures-required", "status"), await CodeAndFieldAsync(signed, HttpStatusCode.Conflict));
        Assert.Equal(ActionPlanStatus.Frozen, (await _client.GetAsync<ActionPlanResponse>($"/api/action-plans/{plan.Id}")).Status);
    }

    [Fact]
    public async Task Put_WeakETag_Is412()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, _) = await Reference.CreateItemAsync(_client, reference.NewItem());

        using var response = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("Weakly matched"), "W/\"1\"");

        Assert.Equal(("stale", "If-Match"), await CodeAndFieldAsync(response, HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task ProgressUpdate_ByEitherSide_IsAddedNewestFirst_AndBumpsTheItemVersion()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, etag) = await Reference.CreateItemAsync(_client, reference.NewItem());

        using var kw = await _client.PostJsonAsync($"/api/action-items/{item.Id}/updates", new { partyId = reference.Kuwait, on = "2021-03-01", text = new { ar = "بدأ العمل", en = "Work has started" }, percentComplete = 10 }, etag);
        await ApiClient.EnsureAsync(kw, HttpStatusCode.OK);
        var (_, ukSecretariat) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        using var gb = await app.CreateClient(ukSecretariat, null).PostJsonAsync($"/api/action-items/{item.Id}/updates", new { partyId = reference.UnitedKingdom, on = "٢٠٢١-٠٤-١٥", text = new { ar = "أرسلت المناهج", en = "Curricula sent" }, percentComplete = 40 }, "\"2\"");

        await ApiClient.EnsureAsync(gb, HttpStatusCode.OK);
        var after = await _client.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        Assert.Equal(3L, after.Version);
        Assert.Equal([(reference.UnitedKingdom, new DateOnly(2021, 4, 15)), (reference.Kuwait, new DateOnly(2021, 3, 1))], after.Updates.Select(u => (u.PartyId, u.On)));
    }

    [Fact]
    public async Task ProgressUpdate_ByAPartyOutsideTheBody_Is422AndAddsNothing()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, etag) = await Reference.CreateItemAsync(_client, reference.NewItem());

        using var response = await _client.PostJsonAsync($"/api/action-items/{item.Id}/updates", new { partyId = Guid.NewGuid(), on = "2021-03-01", text = new { ar = "نص", en = "Text" } }, etag);

        Assert.Equal(("unknown-reference", "partyId"), await CodeAndFieldAsync(response, HttpStatusCode.UnprocessableEntity));
        var after = await _client.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}");
        Assert.Equal((0, 1L), (after.Updates.Count, after.Version));
    }

    [Fact]
    public async Task Get_RouteWithMalformedId_Is404ProblemDetails()
    {
        using var response = await _client.GetAsync("/api/meetings/not-a-guid", TestContext.Current.CancellationToken);

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<(string?, string?)> CodeAndFieldAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.ProblemAsync(status);
        return ((string?)problem["code"], (string?)problem["field"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecordRulesTestsOnSqlite(SqliteApp app) : RecordRulesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecordRulesTestsOnPostgres(PostgresApp app) : RecordRulesTests(app);
