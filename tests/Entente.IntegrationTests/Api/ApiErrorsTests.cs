using System.Net;
using System.Text;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Meetings;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>Hostile, malformed and stale requests: each gets problem details naming the field and the rule, and changes nothing.</summary>
public abstract class ApiErrorsTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Post_MalformedJson_Is400AndCreatesNothing()
    {
        var before = await CountItemsAsync();

        using var response = await _client.PostAsync("/api/action-items", new StringContent("{\"title\": {", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("invalid-json", (string?)problem["code"]);
        Assert.Equal(before, await CountItemsAsync());
    }

    [Fact]
    public async Task Post_WrongType_Is400NamingTheField()
    {
        using var response = await _client.PostAsync("/api/action-items", new StringContent("{\"jointBodyId\": 42}", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("invalid-json", "jointBodyId"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_TextInNeitherLanguage_Is400NamingTitleAr_AndCreatesNothing()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["title"] = new { ar = " ", en = "" };
        var before = await CountItemsAsync();

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("required", "title.ar"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Equal(before, await CountItemsAsync());
    }

    [Fact]
    public async Task Post_TooLongEnglishText_Is400TooLong()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem(new string('x', 501));

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("too-long", "title.en"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_UnknownEnumerationValue_Is400ListingTheAllowedValues()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["status"] = "finished";

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("out-of-range", "status"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Contains("in-progress", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SeveralBrokenRules_ReportsEachWithItsField()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["title"] = new { ar = string.Empty, en = string.Empty };
        body["trackId"] = null;

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        var fields = problem["errors"]!.AsArray().Select(e => (string?)e!["field"]).ToHashSet();
        Assert.Superset(new HashSet<string?> { "title.ar", "title.en", "trackId" }, fields);
    }

    [Fact]
    public async Task Post_SessionEndingBeforeItStarts_Is422EndBeforeStart()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = new
        {
            jointBodyId = reference.Body.Id,
            number = 90 + Random.Shared.Next(1000),
            startsOn = new { year = 2022, month = 5, day = 10 },
            endsOn = new { year = 2022, month = 5, day = 1 },
            placeKind = "virtual",
        };

        using var response = await _client.PostJsonAsync("/api/sessions", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("end-before-start", "endsOn"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_UnknownReferencedTrack_Is422NamingTrackId()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["trackId"] = Guid.NewGuid();

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("unknown-reference", "trackId"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Post_NationalRecordWithoutOwner_Is422()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewItem();
        body["visibility"] = "national";

        using var response = await _client.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("national-needs-owner", "ownerPartyId"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Get_UnknownId_Is404ProblemDetails()
    {
        using var response = await _client.GetAsync($"/api/agreements/{Guid.NewGuid()}", TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("not-found", (string?)problem["code"]);
    }

    [Fact]
    public async Task Put_IllegalTransition_Is409AndChangesNothing()
    {
        var reference = await Reference.LoadAsync(_client);
        var created = await _client.CreateAsync<AgreementResponse>("/api/agreements", reference.NewAgreement());
        var body = reference.NewAgreement();
        body["status"] = "in-force";
        body["signedOn"] = new { year = 2021 };

        using var response = await _client.PutJsonAsync($"/api/agreements/{created.Id}", body, "\"1\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("illegal-transition", "status"), ((string?)problem["code"], (string?)problem["field"]));
        var after = await _client.GetAsync<AgreementResponse>($"/api/agreements/{created.Id}");
        Assert.Equal((Entente.Domain.AgreementStatus.Proposed, 1L, null), (after.Status, after.Version, after.SignedOn));
    }

    [Fact]
    public async Task Put_WithoutIfMatch_Is428AndChangesNothing()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, _) = await Reference.CreateItemAsync(_client, reference.NewItem());

        using var response = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("Changed without If-Match"), etag: null);

        await response.ProblemAsync((HttpStatusCode)428);
        Assert.Equal(item.Title.En, (await _client.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}")).Title.En);
    }

    [Fact]
    public async Task Put_MalformedIfMatch_Is400()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, _) = await Reference.CreateItemAsync(_client, reference.NewItem());

        using var response = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem(), "version-one");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(("invalid-if-match", "If-Match"), ((string?)problem["code"], (string?)problem["field"]));
    }

    [Fact]
    public async Task Put_StaleIfMatch_Is412AndKeepsTheOtherWritersChange()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, etag) = await Reference.CreateItemAsync(_client, reference.NewItem());
        using var first = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("Kuwait's edit"), etag);
        await ApiClient.EnsureAsync(first, HttpStatusCode.OK);

        using var second = await _client.PutJsonAsync($"/api/action-items/{item.Id}", reference.NewItem("UK's edit on a stale read"), etag);

        var problem = await second.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(("stale", 2), ((string?)problem["code"], (int?)problem["currentVersion"]));
        Assert.Equal("Kuwait's edit", (await _client.GetAsync<ActionItemResponse>($"/api/action-items/{item.Id}")).Title.En);
    }

    [Fact]
    public async Task Put_MeetingOfConcludedSession_Is409SessionConcluded()
    {
        var reference = await Reference.LoadAsync(_client);
        var meeting = (await _client.ListAsync<MeetingResponse>($"/api/meetings?sessionId={reference.Session16.Id}")).First();
        var body = new { sessionId = meeting.SessionId, kind = "closing", title = meeting.Title, format = "hybrid" };

        using var response = await _client.PutJsonAsync($"/api/meetings/{meeting.Id}", body, $"\"{meeting.Version}\"");

        var problem = await response.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("session-concluded", (string?)problem["code"]);
        Assert.Equal(meeting.Format, (await _client.GetAsync<MeetingResponse>($"/api/meetings/{meeting.Id}")).Format);
    }

    [Fact]
    public async Task Put_ContentOfItemInSignedPlan_Is409_ButItsStatusMayMove()
    {
        var reference = await Reference.LoadAsync(_client);
        var plan = await reference.Plan16Async(_client);
        var item = (await _client.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={plan.Id}&status=not-started")).First();
        var body = new Dictionary<string, object?>
        {
            ["jointBodyId"] = item.JointBodyId,
            ["actionPlanId"] = item.ActionPlanId,
            ["trackId"] = item.TrackId,
            ["title"] = item.Title,
            ["description"] = item.Description,
            ["dueOn"] = item.DueOn,
            ["ownerInstitutionIds"] = item.Owners.Select(o => o.InstitutionId).ToArray(),
            ["agreementIds"] = item.AgreementIds,
        };
        body["title"] = new { ar = item.Title.Ar, en = item.Title.En + " (reworded)" };

        using var reworded = await _client.PutJsonAsync($"/api/action-items/{item.Id}", body, $"\"{item.Version}\"");
        Assert.Equal("plan-locked", (string?)(await reworded.ProblemAsync(HttpStatusCode.Conflict))["code"]);

        body["title"] = item.Title;
        body["status"] = "in-progress";
        using var progressed = await _client.PutJsonAsync($"/api/action-items/{item.Id}", body, $"\"{item.Version}\"");
        await ApiClient.EnsureAsync(progressed, HttpStatusCode.OK);
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_Is413()
    {
        var huge = "{\"title\":{\"ar\":\"" + new string('ب', 700_000) + "\"}}";

        using var response = await _client.PostAsync("/api/action-items", new StringContent(huge, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal("too-large", (string?)(await response.ProblemAsync(HttpStatusCode.RequestEntityTooLarge))["code"]);
    }

    [Theory]
    [InlineData("/api/action-items?page=abc", "page")]
    [InlineData("/api/action-items?pageSize=5000", "pageSize")]
    [InlineData("/api/action-items?status=finished", "status")]
    [InlineData("/api/action-items?dueBefore=31/12/2021", "dueBefore")]
    [InlineData("/api/agreements?jointBodyId=not-a-guid", "jointBodyId")]
    public async Task List_BadQueryParameter_Is400NamingIt(string url, string field)
    {
        using var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(field, (string?)(await response.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    [Fact]
    public async Task Errors_InArabic_WhenTheCallerAsksForArabic()
    {
        var arabic = app.CreateClient("ar");
        var reference = await Reference.LoadAsync(arabic);
        var body = reference.NewItem();
        body["title"] = new { ar = string.Empty, en = string.Empty };

        using var response = await arabic.PostJsonAsync("/api/action-items", body);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("الحقل 'title.ar' مطلوب.", (string?)problem["detail"]);
        Assert.Equal("طلب غير صالح", (string?)problem["title"]);
    }

    private async Task<int> CountItemsAsync()
    {
        await using var scope = app.Scope(out var db);
        return await db.ActionItems.CountAsync(TestContext.Current.CancellationToken);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApiErrorsTestsOnSqlite(SqliteApp app) : ApiErrorsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ApiErrorsTestsOnPostgres(PostgresApp app) : ApiErrorsTests(app);
