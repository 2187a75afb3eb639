using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.ActionPlans;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Documents;
using Entente.Web.Features.Engagements;
using Entente.Web.Features.Indicators;
using Entente.Web.Features.JointBodies;
using Entente.Web.Features.Meetings;
using Entente.Web.Features.Obstacles;
using Entente.Web.Features.Parties;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Sources;
using Entente.Web.Features.Tracks;

namespace Entente.IntegrationTests.DemoData;

/// <summary>
/// Each of the 19 facts of the reference case (shared/reference/README.md), read back through
/// the JSON API from the demo data loaded at start: one test, one fact.
/// </summary>
public abstract class ReferenceCaseFactsTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Fact01_JointBody_IsTheKuwaitUkJointSteeringGroupOfKuwaitAndTheUnitedKingdom()
    {
        var body = await BodyAsync();
        var parties = await _client.ListAsync<PartyResponse>("/api/parties");

        Assert.Equal(JointBodyKind.JointSteeringGroup, body.Kind);
        Assert.Equal("مجموعة التوجيه الكويتية البريطانية المشتركة", body.Name.Ar);
        Assert.Equal(["GB", "KW"], parties.Where(p => body.PartyIds.Contains(p.Id)).Select(p => p.Code).Order());
    }

    [Fact]
    public async Task Fact02_Session16_Of2020_RanFrom31JulyTo1September_AndIsConcluded()
    {
        var session = await SessionAsync(16);

        Assert.Equal((2020, SessionStatus.Concluded), (session.Year, session.Status));
        Assert.Equal((7, 31, 9, 1), (session.StartsOn!.Month, session.StartsOn.Day, session.EndsOn!.Month, session.EndsOn.Day));
    }

    [Fact]
    public async Task Fact03_ClosingMeeting_WasByVideoConference_OnMonday23November2020()
    {
        var meetings = await _client.ListAsync<MeetingResponse>($"/api/meetings?sessionId={(await SessionAsync(16)).Id}");
        var closing = Assert.Single(meetings, m => m.Kind == MeetingKind.Closing);

        Assert.Equal(MeetingFormat.VideoConference, closing.Format);
        var date = new DateOnly(closing.Date!.Year!.Value, closing.Date.Month!.Value, closing.Date.Day!.Value);
        Assert.Equal((new DateOnly(2020, 11, 23), DayOfWeek.Monday), (date, date.DayOfWeek));
    }

    [Fact]
    public async Task Fact04_CoChairs_AreAmbassadorKhaledAlJarallahAndJamesCleverly_WithTheirTitles()
    {
        var session = await SessionAsync(16);
        var byParty = await PartyCodesAsync();
        var chairs = session.CoChairs.ToDictionary(c => byParty[c.PartyId]);
        var jarallah = await _client.GetAsync<PersonResponse>($"/api/people/{chairs["KW"].PersonId}");

        Assert.Equal(("خالد الجارالله", "Khaled Al-Jarallah", "نائب وزير الخارجية", "Deputy Minister of Foreign Affairs", "Ambassador"),
            (chairs["KW"].Name.Ar, chairs["KW"].Name.En, chairs["KW"].Title.Ar, chairs["KW"].Title.En, jarallah.Honorific?.En));
        Assert.Equal(("جيمس كليفيرلي", "James Cleverly"), (chairs["GB"].Name.Ar, chairs["GB"].Name.En));
        Assert.StartsWith("Minister of State for the Middle East", chairs["GB"].Title.En!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fact05_HistoricRelations_SpanMoreThan121Years()
    {
        var body = await BodyAsync();

        // Since 1899: more than 121 years at the 16th session of 2020 (the statement counts them from the session's year).
        Assert.Equal(1899, body.RelationsSince);
        Assert.Equal(121, (await SessionAsync(16)).Year - body.RelationsSince);
        Assert.Contains("1899", body.HistoryNote!.Ar!, StringComparison.Ordinal);
        Assert.Contains("1899", body.HistoryNote.En!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fact06_Tracks_CoverEveryFieldNamed_IncludingDevelopmentAndEducation()
    {
        var areas = (await TracksAsync()).Select(t => t.Area).ToHashSet();

        Assert.Superset(
            new HashSet<TrackArea>
            {
                TrackArea.Political, TrackArea.Defence, TrackArea.Economic, TrackArea.Trade, TrackArea.Investment, TrackArea.Culture,
                TrackArea.Science, TrackArea.Security, TrackArea.Health, TrackArea.Cybersecurity, TrackArea.Development, TrackArea.Education,
            },
            areas);
    }

    [Fact]
    public async Task Fact07_ActionPlan_CommitsToActivateAllSignedAgreements_AndToRemoveObstacles()
    {
        var item = await ItemAsync("تفعيل كافة الاتفاقيات ومذكرات التفاهم الموقعة");

        Assert.Contains("obstacles", item.Title.En!, StringComparison.Ordinal);
        Assert.NotEmpty(item.AgreementIds);
    }

    [Fact]
    public async Task Fact08_ActionPlan_CompletesMechanisms_EncouragesInvestment_AndExploresTrade()
    {
        var items = await Session16ItemsAsync();

        Assert.All(
            new[] { "آليات التعاون المنبثقة عن مجموعة التوجيه", "تشجيع الاستثمار في القطاعات الحيوية والواعدة", "بحث الفرص التجارية في كلا البلدين" },
            text => Assert.Contains(items, i => i.Title.Ar!.Contains(text, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Fact09_UnitedKingdom_ContinuesCooperationAfterLeavingTheEuropeanUnion()
    {
        var item = await ItemAsync("بعد خروج المملكة المتحدة من الاتحاد الأوروبي");

        Assert.Contains("European Union", item.Title.En!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fact10_BilateralTradeVolume_Is3Point4BillionPoundsSterling()
    {
        var indicators = await _client.ListAsync<IndicatorResponse>($"/api/indicators?jointBodyId={(await BodyAsync()).Id}");
        var trade = Assert.Single(indicators, i => i.Name.Ar == "حجم التبادل التجاري");

        var value = Assert.Single(trade.Values, v => v.Value == 3_400_000_000m && v.SourceId is not null);
        var claim = Assert.Single(await _client.ListAsync<ClaimResponse>($"/api/claims?recordType=indicator-value&recordId={value.Id}"));

        Assert.Equal(("GBP", true), (trade.Unit, trade.IsCurrency));
        Assert.Contains("4ر3 مليار جنيه استرليني", claim.Quote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fact11_SmeExpertise_CapacityBuilding_AndVirtualWorkshopsInEconomicAndInvestmentFields()
    {
        var items = await Session16ItemsAsync();
        var tracks = (await TracksAsync()).Where(t => t.Area is TrackArea.Economic or TrackArea.Investment).Select(t => t.Id).ToHashSet();
        var engagements = await _client.ListAsync<EngagementResponse>($"/api/engagements?jointBodyId={(await BodyAsync()).Id}&kind=workshop&format=virtual");

        Assert.Contains(items, i => i.Title.Ar!.Contains("المشاريع الصغيرة والمتوسطة", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Ar!.Contains("تطوير القدرات المؤسسية", StringComparison.Ordinal));
        Assert.Contains(engagements, e => e.TrackId is { } t && tracks.Contains(t));
    }

    [Fact]
    public async Task Fact12_DevelopmentCooperation_InCountriesInNeed()
    {
        var item = await ItemAsync("في الدول المحتاجة");

        Assert.Equal(TrackArea.Development, (await TrackAsync(item.TrackId)).Area);
    }

    [Fact]
    public async Task Fact13_Defence_TalksOnSupportToTheKuwaitiArmyInArmamentEducationAndTraining()
    {
        var item = await ItemAsync("التسليح والتعليم والتدريب العسكري");

        Assert.Equal(TrackArea.Defence, (await TrackAsync(item.TrackId)).Area);
    }

    [Fact]
    public async Task Fact14_Security_CoversMigrationAndAviationSecurity_WithDraftAgreementsUnderNegotiation()
    {
        var tracks = await TracksAsync();
        var security = Assert.Single(tracks, t => t.Area == TrackArea.Security && t.ParentTrackId is null);
        var subTopics = tracks.Where(t => t.ParentTrackId == security.Id).Select(t => t.Name.Ar).ToList();
        var securityTracks = tracks.Where(t => t.Area == TrackArea.Security).Select(t => t.Id).ToHashSet();
        var drafts = await _client.ListAsync<AgreementResponse>($"/api/agreements?jointBodyId={(await BodyAsync()).Id}&status=under-negotiation");

        Assert.Equal(["أمن الطيران", "الهجرة"], subTopics.Order());
        Assert.True(drafts.Count(a => a.TrackId is { } t && securityTracks.Contains(t)) >= 2, "Draft security agreements and MoUs are under negotiation.");
    }

    [Fact]
    public async Task Fact15_Cybersecurity_TheSignedMoUIsToBeActivated()
    {
        var cyber = Assert.Single(await TracksAsync(), t => t.Area == TrackArea.Cybersecurity);
        var mou = Assert.Single(await _client.ListAsync<AgreementResponse>($"/api/agreements?trackId={cyber.Id}"));
        var activation = await ItemAsync("تفعيل مذكرة التفاهم الموقعة في مجال الأمن السيبراني");

        Assert.Equal((AgreementKind.MemorandumOfUnderstanding, AgreementStatus.Signed), (mou.Kind, mou.Status));
        Assert.Contains(mou.Id, activation.AgreementIds);
    }

    [Fact]
    public async Task Fact16_Health_HospitalManagementTraining_CovidEfforts_AndVaccineInterest()
    {
        var items = await Session16ItemsAsync();

        Assert.Contains(items, i => i.Title.Ar!.Contains("إدارة المستشفيات", StringComparison.Ordinal) && i.Title.Ar!.Contains("الكوادر الطبية", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Ar!.Contains("فايروس كورونا", StringComparison.Ordinal) && i.Title.Ar!.Contains("لقاح", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fact17_CultureScienceAcademia_StudentsResearchDigitalLibrary_AndTheLibraryBritishCouncilPartnership()
    {
        var items = await Session16ItemsAsync();
        var body = await BodyAsync();
        var scholarships = await _client.ListAsync<EngagementResponse>($"/api/engagements?jointBodyId={body.Id}&kind=scholarship-programme");
        var obstacles = await _client.ListAsync<ObstacleResponse>($"/api/obstacles?jointBodyId={body.Id}");

        Assert.Contains(scholarships, e => e.Title.Ar!.Contains("الطلبة الكويتيين", StringComparison.Ordinal));
        Assert.Contains(obstacles, o => o.Title.Ar!.Contains("طلبة الكويتيين", StringComparison.Ordinal) && o.Status != ObstacleStatus.Resolved);
        Assert.Contains(items, i => i.Title.Ar!.Contains("البحث العلمي", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Ar!.Contains("المكتبة الرقمية", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Title.Ar!.Contains("مكتبة الكويت الوطنية والمجلس الثقافي البريطاني", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fact18_BothCoChairs_SignedTheActionPlan()
    {
        var session = await SessionAsync(16);
        var plan = Assert.Single(await _client.ListAsync<ActionPlanResponse>($"/api/action-plans?sessionId={session.Id}"));
        var document = await _client.GetAsync<DocumentResponse>($"/api/documents/{plan.DocumentId}");

        Assert.Equal(ActionPlanStatus.Signed, plan.Status);
        Assert.Equal(session.CoChairs.Select(c => c.PersonId).Order(), document.Signatories.Select(s => s.PersonId).Order());
    }

    [Fact]
    public async Task Fact19_Session17_WillBeHeldInOneOfTheTwoCapitals_DateToBeSet()
    {
        var session = await SessionAsync(17);

        Assert.Equal((SessionStatus.Planned, PlaceKind.OneOfTheCapitals, null, null), (session.Status, session.PlaceKind, session.StartsOn, session.EndsOn));
    }

    private async Task<JointBodyResponse> BodyAsync() =>
        Assert.Single(await _client.ListAsync<JointBodyResponse>("/api/joint-bodies"), b => b.Name.En == "Kuwait–UK Joint Steering Group");

    private async Task<SessionResponse> SessionAsync(int number) =>
        Assert.Single(await _client.ListAsync<SessionResponse>($"/api/sessions?jointBodyId={(await BodyAsync()).Id}"), s => s.Number == number);

    private async Task<Dictionary<Guid, string>> PartyCodesAsync() =>
        (await _client.ListAsync<PartyResponse>("/api/parties")).ToDictionary(p => p.Id, p => p.Code);

    private async Task<IReadOnlyList<TrackResponse>> TracksAsync() =>
        await _client.ListAsync<TrackResponse>($"/api/tracks?jointBodyId={(await BodyAsync()).Id}");

    private Task<TrackResponse> TrackAsync(Guid id) => _client.GetAsync<TrackResponse>($"/api/tracks/{id}");

    private async Task<IReadOnlyList<ActionItemResponse>> Session16ItemsAsync() =>
        await _client.ListAsync<ActionItemResponse>($"/api/action-items?sessionId={(await SessionAsync(16)).Id}");

    private async Task<ActionItemResponse> ItemAsync(string arabicText) =>
        Assert.Single(await Session16ItemsAsync(), i => i.Title.Ar!.Contains(arabicText, StringComparison.Ordinal));
}

[Collection(SqliteCollection.Name)]
public sealed class ReferenceCaseFactsTestsOnSqlite(SqliteApp app) : ReferenceCaseFactsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ReferenceCaseFactsTestsOnPostgres(PostgresApp app) : ReferenceCaseFactsTests(app);
