using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Engagements;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Meetings;
using Entente.Web.Features.Obstacles;
using Entente.Web.Features.People;

namespace Entente.IntegrationTests.Api;

/// <summary>Every resource through create, read (with its ETag), replace and list; and the list filters of each.</summary>
public abstract class RecordsRoundTripTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task JointBody_RenamedAndChangedInKind_KeepsItsFormerNameAndItsSessions()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = await _client.CreateAsync<JointBodyResponse>("/api/joint-bodies", new
        {
            kind = "working-group",
            name = new { ar = "فريق العمل الكويتي البريطاني", en = "Kuwait–UK Working Group" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
        });
        await _client.CreateAsync<JsonObject>("/api/sessions", new { jointBodyId = body.Id, number = 1, status = "concluded", placeKind = "virtual" });

        var renamed = await ReplaceAsync<JointBodyResponse>($"/api/joint-bodies/{body.Id}", new
        {
            kind = "strategic-dialogue",
            name = new { ar = "الحوار الاستراتيجي الكويتي البريطاني", en = "Kuwait–UK Strategic Dialogue" },
            partyIds = new[] { reference.Kuwait, reference.UnitedKingdom },
            renamedOn = new { year = 2023, month = 1 },
        });

        var former = Assert.Single(renamed.FormerNames);
        Assert.Equal((JointBodyKind.WorkingGroup, "Kuwait–UK Working Group", "2023-01"), (former.Kind, former.Name.En, former.Until!.Text));
        Assert.Equal(JointBodyKind.StrategicDialogue, renamed.Kind);
        Assert.Single(await _client.ListAsync<JsonObject>($"/api/sessions?jointBodyId={body.Id}"));
    }

    [Fact]
    public async Task Person_WithSeveralSpellings_IsFoundByAnyOfThem()
    {
        var reference = await Reference.LoadAsync(_client);
        var spelling = "Abdullah Al-Test-" + Guid.NewGuid().ToString("N")[..6];
        var person = await _client.CreateAsync<PersonResponse>("/api/people", new
        {
            partyId = reference.Kuwait,
            honorifics = new[] { new { ar = "الشيخ", en = "Sheikh" }, new { ar = "الدكتور", en = "Dr" } },
            postNominals = new[] { "PhD" },
            names = new[]
            {
                new { language = "ar", text = "عبدالله التجريبي", isPreferred = true },
                new { language = "en", text = spelling, isPreferred = true },
                new { language = "en", text = spelling.Replace("Abdullah", "Abdallah", StringComparison.Ordinal), isPreferred = false },
            },
            titles = new[] { new { title = new { ar = "سفير", en = "Ambassador to the Court of St James's" }, from = new { year = 2019 }, to = (object?)null } },
        });

        var found = await _client.ListAsync<PersonResponse>($"/api/people?name={Uri.EscapeDataString(spelling.Replace("Abdullah", "Abdallah", StringComparison.Ordinal))}");

        Assert.Equal(person.Id, Assert.Single(found).Id);
        Assert.Equal((spelling, "Sheikh Dr", "الشيخ الدكتور", "PhD", 3), (person.Name.En, person.Honorific!.En, person.Honorific.Ar, Assert.Single(person.PostNominals), person.Names.Count));
    }

    [Fact]
    public async Task Meeting_OfAPlannedSession_IsCreatedWithItsChairs_AndReplaced()
    {
        var reference = await Reference.LoadAsync(_client);
        var chairs = reference.Session16.CoChairs.Select(c => new { personId = c.PersonId, partyId = c.PartyId, title = c.Title, role = "chair" }).ToArray();
        var meeting = await _client.CreateAsync<MeetingResponse>("/api/meetings", new
        {
            sessionId = reference.Session17.Id,
            kind = "preparatory",
            title = new { ar = "الاجتماع التحضيري للدورة الـ17", en = "Preparatory meeting of the 17th session" },
            date = new { year = 2021, month = 5 },
            format = "hybrid",
            participants = chairs,
        });

        var replaced = await ReplaceAsync<MeetingResponse>($"/api/meetings/{meeting.Id}", new
        {
            sessionId = reference.Session17.Id,
            kind = "preparatory",
            title = meeting.Title,
            date = new { year = 2021, month = 5, day = 12 },
            format = "video-conference",
            participants = chairs.Take(1),
        });

        Assert.Equal((2, "chair"), (meeting.Participants.Count, meeting.Participants[0].Role));
        Assert.Equal((MeetingFormat.VideoConference, "2021-05-12", 1, 2L), (replaced.Format, replaced.Date!.Text, replaced.Participants.Count, replaced.Version));
        Assert.Contains(await _client.ListAsync<MeetingResponse>($"/api/meetings?sessionId={reference.Session17.Id}&format=video-conference"), m => m.Id == meeting.Id);
    }

    [Fact]
    public async Task Agreement_WalksItsLifecycleOneStepAtATime_ToBeingImplemented()
    {
        var reference = await Reference.LoadAsync(_client);
        var agreement = await _client.CreateAsync<AgreementResponse>("/api/agreements", reference.NewAgreement());
        var body = reference.NewAgreement();

        foreach (var status in new[] { "under-negotiation", "agreed", "signed", "in-force", "being-implemented" })
        {
            body["status"] = status;
            if (status == "signed")
            {
                body["signedOn"] = new { year = 2021, month = 3, day = 14 };
                body["signedAt"] = new { ar = "لندن", en = "London" };
            }

            agreement = await ReplaceAsync<AgreementResponse>($"/api/agreements/{agreement.Id}", body);
        }

        Assert.Equal((AgreementStatus.BeingImplemented, 6L, "London"), (agreement.Status, agreement.Version, agreement.SignedAt!.En));
        Assert.Equal([AgreementStatus.InForce, AgreementStatus.Expired, AgreementStatus.Terminated], agreement.NextStatuses);
        Assert.Contains(await _client.ListAsync<AgreementResponse>($"/api/agreements?trackId={reference.Health.Id}&status=being-implemented&partyId={reference.Kuwait}"), a => a.Id == agreement.Id);
    }

    [Fact]
    public async Task Agreement_RecordedAfterTheFactAsSigned_WalksTheLegalPathFromProposed()
    {
        var reference = await Reference.LoadAsync(_client);
        var body = reference.NewAgreement();
        body["status"] = "in-force";
        body["signedOn"] = new { year = 2015, inferred = new[] { "year" } };

        var agreement = await _client.CreateAsync<AgreementResponse>("/api/agreements", body);

        Assert.Equal((AgreementStatus.InForce, "2015 ~year"), (agreement.Status, agreement.SignedOn!.Text));
    }

    [Fact]
    public async Task Document_HasItsOwnSignatories()
    {
        var reference = await Reference.LoadAsync(_client);
        var director = await _client.CreateAsync<PersonResponse>("/api/people", new
        {
            partyId = reference.Kuwait,
            names = new[] { new { language = "ar", text = "مدير الصندوق", isPreferred = true }, new { language = "en", text = "Fund Director " + Guid.NewGuid().ToString("N")[..4], isPreferred = true } },
        });
        var agreement = await _client.CreateAsync<AgreementResponse>("/api/agreements", reference.NewAgreement());

        var document = await _client.CreateAsync<DocumentResponse>("/api/documents", new
        {
            jointBodyId = reference.Body.Id,
            kind = "agreement-text",
            title = new { ar = "نص مذكرة التفاهم", en = "Text of the MoU" },
            agreementId = agreement.Id,
            signatories = new[] { new { personId = director.Id, partyId = reference.Kuwait, title = new { ar = "المدير العام", en = "Director General" }, signedOn = new { year = 2021, month = 6, day = 1 } } },
        });

        var signatory = Assert.Single(document.Signatories);
        Assert.Equal((director.Id, "Director General", "2021-06-01"), (signatory.PersonId, signatory.Title.En, signatory.SignedOn!.Text));
        Assert.Contains(await _client.ListAsync<DocumentResponse>($"/api/documents?agreementId={agreement.Id}"), d => d.Id == document.Id);
    }

    [Fact]
    public async Task ActionItems_FilterByDueWindowPartyStatusAndTrack_AndPageOnTheServer()
    {
        var reference = await Reference.LoadAsync(_client);
        var marker = Guid.NewGuid().ToString("N")[..6];
        foreach (var (due, i) in new[] { "2030-01-15", "2030-02-15", "2030-03-15", "2030-04-15", "2030-05-15" }.Select((d, i) => (d, i)))
        {
            var body = reference.NewItem($"Window {marker} {i}");
            body["dueOn"] = due;
            await Reference.CreateItemAsync(_client, body);
        }

        var window = $"/api/action-items?jointBodyId={reference.Body.Id}&trackId={reference.Health.Id}&status=not-started&partyId={reference.UnitedKingdom}&dueAfter=2030-01-31&dueBefore=2030-05-01";
        var page1 = await _client.GetAsync<Entente.Web.Infrastructure.PageOf<ActionItemResponse>>(window + "&pageSize=2&page=1");
        var page2 = await _client.GetAsync<Entente.Web.Infrastructure.PageOf<ActionItemResponse>>(window + "&pageSize=2&page=2");

        var mine = page1.Items.Concat(page2.Items).Where(i => i.Title.En!.Contains(marker, StringComparison.Ordinal)).Select(i => i.DueOn).ToList();
        Assert.Equal([new DateOnly(2030, 2, 15), new DateOnly(2030, 3, 15), new DateOnly(2030, 4, 15)], mine);
        Assert.Equal((2, 2), (page1.PageSize, page2.Page));
        Assert.True(page1.Total >= 3);
    }

    [Fact]
    public async Task Obstacle_IsRaisedAgainstAnItem_RemovedAndResolvedWithItsResolution()
    {
        var reference = await Reference.LoadAsync(_client);
        var (item, _) = await Reference.CreateItemAsync(_client, reference.NewItem());
        var body = new Dictionary<string, object?>
        {
            ["jointBodyId"] = reference.Body.Id,
            ["actionItemId"] = item.Id,
            ["title"] = new { ar = "تأخر التأشيرات للمدربين", en = "Visa delays for trainers" },
            ["raisedByPartyId"] = reference.Kuwait,
            ["raisedOn"] = "2021-02-01",
        };
        var obstacle = await _client.CreateAsync<ObstacleResponse>("/api/obstacles", body);

        body["status"] = "being-removed";
        obstacle = await ReplaceAsync<ObstacleResponse>($"/api/obstacles/{obstacle.Id}", body);
        body["status"] = "resolved";
        body["resolution"] = new { ar = "صدرت تأشيرات متعددة الدخول", en = "Multiple-entry visas issued" };
        obstacle = await ReplaceAsync<ObstacleResponse>($"/api/obstacles/{obstacle.Id}", body);

        Assert.Equal((ObstacleStatus.Resolved, "Multiple-entry visas issued"), (obstacle.Status, obstacle.Resolution!.En));
        Assert.InRange(obstacle.ResolvedOn!.Value, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateOnly.FromDateTime(DateTime.UtcNow));
        Assert.Contains(await _client.ListAsync<ObstacleResponse>($"/api/obstacles?actionItemId={item.Id}&status=resolved"), o => o.Id == obstacle.Id);
    }

    [Fact]
    public async Task Indicator_KeepsExactValuesPerPeriod_WithTheirSource()
    {
        var reference = await Reference.LoadAsync(_client);
        var indicator = await _client.CreateAsync<IndicatorResponse>("/api/indicators", new
        {
            jointBodyId = reference.Body.Id,
            name = new { ar = "عدد الطلبة الكويتيين في المملكة المتحدة", en = "Kuwaiti students in the UK" },
            unit = "students",
            values = new[]
            {
                new { value = 6500.0m, periodStart = "2019-09-01", periodEnd = "2020-08-31" },
                new { value = 6123.5m, periodStart = "2020-09-01", periodEnd = "2021-08-31" },
            },
        });

        Assert.Equal([6500.0m, 6123.5m], indicator.Values.Select(v => v.Value!.Value));
        using var badCurrency = await _client.PostJsonAsync("/api/indicators", new { jointBodyId = reference.Body.Id, name = indicator.Name, unit = "pounds", isCurrency = true });
        Assert.Equal("unit", (string?)(await badCurrency.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
    }

    [Fact]
    public async Task Engagement_VirtualWorkshop_IsFilteredByKindFormatStatusAndOrganisingParty()
    {
        var reference = await Reference.LoadAsync(_client);
        var engagement = await _client.CreateAsync<EngagementResponse>("/api/engagements", new
        {
            jointBodyId = reference.Body.Id,
            trackId = reference.Health.Id,
            kind = "workshop",
            format = "virtual",
            status = "planned",
            title = new { ar = "ورشة عمل افتراضية حول إدارة المستشفيات", en = "Virtual workshop on hospital management" },
            place = new { ar = "عبر الاتصال المرئي من لندن", en = "By video link from London" },
            startsOn = new { year = 2021, month = 4, day = 20 },
            endsOn = new { year = 2021, month = 4, day = 21 },
            organiserInstitutionIds = reference.Health.Leads.Where(l => l.PartyId == reference.UnitedKingdom).Select(l => l.InstitutionId).ToArray(),
        });

        var found = await _client.ListAsync<EngagementResponse>($"/api/engagements?trackId={reference.Health.Id}&kind=workshop&format=virtual&status=planned&partyId={reference.UnitedKingdom}");

        Assert.Contains(found, e => e.Id == engagement.Id);
        Assert.Equal("By video link from London", engagement.Place!.En);
        Assert.DoesNotContain(await _client.ListAsync<EngagementResponse>($"/api/engagements?trackId={reference.Health.Id}&partyId={reference.Kuwait}"), e => e.Id == engagement.Id);
    }

    [Fact]
    public async Task Created_AnswersWithLocationAndETag_ThatTheReadRepeats()
    {
        var reference = await Reference.LoadAsync(_client);

        using var created = await _client.PostJsonAsync("/api/action-items", reference.NewItem());
        await ApiClient.EnsureAsync(created, HttpStatusCode.Created);
        using var read = await _client.GetAsync(created.Headers.Location, TestContext.Current.CancellationToken);

        Assert.Equal((HttpStatusCode.OK, "\"1\""), (read.StatusCode, read.Headers.ETag?.Tag));
        Assert.Equal(created.Headers.ETag?.Tag, read.Headers.ETag?.Tag);
    }

    private async Task<T> ReplaceAsync<T>(string url, object body)
    {
        using var read = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(read, HttpStatusCode.OK);
        using var response = await _client.PutJsonAsync(url, body, read.Headers.ETag!.Tag);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        Assert.Equal($"\"{(long.Parse(read.Headers.ETag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}\"", response.Headers.ETag?.Tag);
        return (await response.Content.ReadFromJsonAsync<T>(ApiClient.Json, TestContext.Current.CancellationToken))!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RecordsRoundTripTestsOnSqlite(SqliteApp app) : RecordsRoundTripTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RecordsRoundTripTestsOnPostgres(PostgresApp app) : RecordsRoundTripTests(app);
