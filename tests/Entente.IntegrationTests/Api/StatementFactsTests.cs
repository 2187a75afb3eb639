using System.Net;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// The joint statement generated for the reference session states each of the 19 facts of the
/// reference release (../shared/reference/README.md), in Arabic and in English: one test per fact.
/// </summary>
public abstract class StatementFactsTests(EntenteApp app)
{
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static readonly Dictionary<string, StatementResponse> Generated = [];

    private async Task<(string Ar, string En)> StatementAsync()
    {
        await Once.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (!Generated.TryGetValue(app.Database, out var statement))
            {
                var client = app.CreateClient();
                var reference = await Reference.LoadAsync(client);
                var current = await client.GetAsync<StatementResponse>($"/api/sessions/{reference.Session16.Id}/statement");
                using var response = await client.PostJsonAsync($"/api/sessions/{reference.Session16.Id}/statement", new { }, $"\"{current.Version}\"");
                Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"Generating answered {(int)response.StatusCode}");
                statement = await ApiClient.ReadAsync<StatementResponse>(response, response.StatusCode);
                Generated[app.Database] = statement;
            }

            return (statement.Text.Ar!, statement.Text.En!);
        }
        finally
        {
            Once.Release();
        }
    }

    private async Task StatesAsync(string[] arabic, string[] english)
    {
        var (ar, en) = await StatementAsync();
        foreach (var phrase in arabic)
        {
            Assert.True(ar.Contains(phrase, StringComparison.Ordinal), $"The Arabic statement does not say «{phrase}»:\n{ar}");
        }

        foreach (var phrase in english)
        {
            Assert.True(en.Contains(phrase, StringComparison.Ordinal), $"The English statement does not say \"{phrase}\":\n{en}");
        }
    }

    [Fact]
    public Task Fact01_JointBodyAndParties() => StatesAsync(
        ["مجموعة التوجيه الكويتية البريطانية المشتركة", "دولة الكويت", "المملكة المتحدة"],
        ["Kuwait–UK Joint Steering Group", "State of Kuwait", "United Kingdom"]);

    [Fact]
    public Task Fact02_Session16Of2020_TalksFrom31JulyTo1September_Concluded() => StatesAsync(
        ["اختتمت", "دورتها الـ16 لعام 2020", "في الفترة من 31 يوليو إلى 1 سبتمبر"],
        ["concluded its 16th session of 2020", "from 31 July to 1 September"]);

    [Fact]
    public Task Fact03_ClosingMeetingByVideoConferenceOnMonday23November2020() => StatesAsync(
        ["يوم الاثنين 23 نوفمبر 2020", "عبر تقنية الاتصال المرئي"],
        ["on Monday 23 November 2020", "by video conference"]);

    [Fact]
    public Task Fact04_CoChairsWithTheirTitles() => StatesAsync(
        ["نائب وزير الخارجية السفير خالد الجارالله", "وزير الدولة لشؤون الشرق الأوسط جيمس كليفيرلي"],
        ["Ambassador Khaled Al-Jarallah, Deputy Minister of Foreign Affairs", "James Cleverly, Minister of State for the Middle East"]);

    [Fact]
    public Task Fact05_RelationsOfMoreThan121Years() => StatesAsync(
        ["لما يزيد عن 121 عاما"],
        ["more than 121 years"]);

    [Fact]
    public Task Fact06_TheTracksNamed() => StatesAsync(
        ["السياسي", "العسكري", "الاقتصادي", "التجاري", "الاستثماري", "الثقافي", "العلمي", "الأمني", "الصحي", "الأمن السيبراني", "الإنمائي", "التعليمي"],
        ["political cooperation", "defence and military cooperation", "economic cooperation", "trade", "investment", "culture", "science and research", "security", "health", "cybersecurity", "development cooperation", "education and academic cooperation"]);

    [Fact]
    public Task Fact07_ActivateSignedAgreementsAndRemoveObstacles() => StatesAsync(
        ["تفعيل كافة الاتفاقيات ومذكرات التفاهم الموقعة", "العقبات", "تذليلها"],
        ["activating all the agreements and memoranda of understanding", "obstacles", "remove them"]);

    [Fact]
    public Task Fact08_MechanismsInvestmentAndTradeOpportunities() => StatesAsync(
        ["استكمال آليات التعاون المنبثقة عن مجموعة التوجيه", "تشجيع الاستثمار في القطاعات الحيوية والواعدة", "بحث الفرص التجارية في كلا البلدين"],
        ["completing the cooperation mechanisms", "encouraging investment in vital and promising sectors", "exploring trade opportunities in both countries"]);

    [Fact]
    public Task Fact09_CooperationContinuesAfterTheUkLeftTheEuropeanUnion() => StatesAsync(
        ["أكد الجانب البريطاني استمرار التعاون مع دولة الكويت بعد خروج المملكة المتحدة من الاتحاد الأوروبي"],
        ["British side also affirmed continued cooperation with Kuwait after the UK's exit from the European Union"]);

    [Fact]
    public Task Fact10_TradeVolume3Point4BillionPoundsWithPeriodAndSource() => StatesAsync(
        ["حجم التبادل التجاري 3.4 مليار جنيه إسترليني في عام 2019", "المصدر: KUNA\u200F، 23 نوفمبر 2020"],
        ["£3.4 billion in 2019", "source: KUNA, 23 November 2020"]);

    [Fact]
    public Task Fact11_SmesCapacityBuildingAndWorkshops() => StatesAsync(
        ["المشاريع الصغيرة والمتوسطة", "تطوير القدرات المؤسسية", "ورش العمل الافتراضية", "ورشة عمل افتراضية حول الاستثمار"],
        ["small and medium-sized enterprises", "institutional capacity", "workshops, including virtual ones", "virtual workshop on investment"]);

    [Fact]
    public Task Fact12_DevelopmentCooperationInCountriesInNeed() => StatesAsync(
        ["التعاون المشترك في المجال الإنمائي بين الجانبين في الدول المحتاجة"],
        ["development cooperation between the two sides in countries in need"]);

    [Fact]
    public Task Fact13_DefenceTalksOnArmamentEducationAndTraining() => StatesAsync(
        ["المباحثات الجارية بين المختصين بشأن مشاريع التعاون الدفاعي", "للجيش الكويتي", "التسليح", "التعليم والتدريب العسكري"],
        ["talks between specialists on the proposed defence cooperation projects", "Kuwait Army", "armament", "military education and training"]);

    [Fact]
    public Task Fact14_SecurityMigrationAviationAndDraftAgreements() => StatesAsync(
        ["الهجرة وأمن الطيران", "أشاد الجانب الكويتي بالدعم المقدم من الجانب البريطاني", "مشاريع الاتفاقيات ومذكرات التفاهم"],
        ["migration and aviation security", "the Kuwaiti side commended the support the UK has provided", "draft agreements and memoranda of understanding"]);

    [Fact]
    public Task Fact15_CybersecurityCoordinationAndTheSignedMou() => StatesAsync(
        ["التنسيق المتواصل", "تفعيل مذكرة التفاهم الموقعة", "مذكرة تفاهم في مجال الأمن السيبراني"],
        ["continued coordination", "activate the signed memorandum of understanding", "Memorandum of Understanding on Cybersecurity"]);

    [Fact]
    public Task Fact16_HealthHospitalManagementTrainingCovidAndVaccine() => StatesAsync(
        ["إدارة المستشفيات", "تدريب وتأهيل الكوادر الطبية الكويتية", "فايروس كورونا المستجد", "لقاح"],
        ["hospital management", "training and qualifying Kuwaiti medical staff", "COVID-19", "vaccine"]);

    [Fact]
    public Task Fact17_StudentsResearchDigitalLibraryAndTheBritishCouncil() => StatesAsync(
        ["ابتعاث الطلبة الكويتيين للدراسة في المملكة المتحدة", "البحث العلمي", "مبادرة المكتبة الرقمية", "الشراكة بين مكتبة الكويت الوطنية والمجلس الثقافي البريطاني"],
        ["Kuwaiti students sent to study in the UK", "scientific research", "digital library initiative", "partnership between the National Library of Kuwait and the British Council"]);

    [Fact]
    public Task Fact18_TheCoChairsSignedTheActionPlan() => StatesAsync(
        ["وقع الرئيسان السفير خالد الجارالله وجيمس كليفيرلي على خطة العمل لمجموعة التوجيه المشتركة"],
        ["the co-chairs, Ambassador Khaled Al-Jarallah and James Cleverly, signed the Joint Steering Group Action Plan"]);

    [Fact]
    public Task Fact19_The17thMeetingInOneOfTheTwoCapitals_DateToBeSet() => StatesAsync(
        ["عقد الاجتماع الـ17", "في إحدى العاصمتين (مدينة الكويت أو لندن)", "يحدد موعده لاحقا"],
        ["hold the 17th meeting", "in one of the two capitals (Kuwait City or London)", "on a date to be set"]);
}

[Collection(SqliteCollection.Name)]
public sealed class StatementFactsTestsOnSqlite(SqliteApp app) : StatementFactsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StatementFactsTestsOnPostgres(PostgresApp app) : StatementFactsTests(app);
