using System.Globalization;
using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.DemoData;

/// <summary>
/// The demo data set: the reference case of the 16th session of the Kuwait–UK Joint Steering
/// Group (shared/reference), as structured records in Arabic and English, with the 15th session
/// before it and the 17th planned after it, so that history, trends and the pipeline show.
/// </summary>
/// <remarks>
/// What the Arabic KUNA release states is recorded as stated, with claims citing it. Dates it does
/// not give in full are marked as inferred. The 15th session (Kuwait City, Sunday 2 February 2020,
/// co-chaired by Khaled Al-Jarallah and Andrew Murrison, where the action plan and a Kuwait Fund–DFID
/// MoU were signed) and the year the group was established (2012) come from a KUNA report in Kuwait
/// Times of 3 February 2020. The first 16th-session working group (defence, by video on 29 July 2020)
/// comes from the British Embassy's release of 28 July 2020. Neither is among the 19 reference facts.
/// Everything after 23 November 2020 is illustrative: due dates, progress updates, statuses,
/// engagement dates, obstacles and notes. So are the 15th session's action items and the 2018 trade value.
/// </remarks>
public static class ReferenceCase
{
    /// <summary>Inserts the reference case into an empty database and saves it in one transaction.</summary>
    /// <exception cref="InvalidOperationException">The database already holds parties.</exception>
    /// <exception cref="DomainRuleException">A record breaks a domain rule (a bug in this data set).</exception>
    public static async Task LoadAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Parties.AnyAsync(cancellationToken))
        {
            throw new InvalidOperationException("The reference case is loaded into an empty database only.");
        }

        new Builder(db).Load();
        DomainRuleException.ThrowIfAny(db.ChangeTracker.Entries().SelectMany(entry => Check(entry.Entity)));
        await db.SaveChangesAsync(cancellationToken);

        // The 16th session's joint statement, generated from the records just loaded: a draft for the secretariats to approve.
        var session16 = await db.Sessions.Where(s => s.Number == 16).Select(s => new { s.Id, s.JointBodyId }).SingleAsync(cancellationToken);
        db.JointStatements.Add(new JointStatement
        {
            JointBodyId = session16.JointBodyId,
            SessionId = session16.Id,
            Text = Statements.StatementWriter.Write(await Statements.SessionFacts.LoadAsync(db, session16.Id, cancellationToken)),
            GeneratedAt = DateTime.UtcNow,
        });

        // The 17th session's agenda, built from the tracks with the 16th session's open items and the open obstacles carried onto it.
        var session17 = await db.Sessions.SingleAsync(s => s.Number == 17, cancellationToken);
        db.AgendaItems.AddRange(await Agenda.AgendaBuilder.BuildAsync(db, session17, null, new TimeOnly(10, 0), 0, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The domain rules of a demo record (a bug in the data set breaks one).</summary>
    internal static IEnumerable<RuleError> Check(object entity) => entity switch
    {
        Party party => party.Name.Check("name"),
        Institution institution => institution.Name.Check("name"),
        Person person => person.Check(),
        JointBody body => body.CheckMembers().Concat(body.Name.Check("name")),
        Session session => session.Check(),
        Meeting meeting => meeting.Check(),
        Track track => track.Check(),
        Agreement agreement => agreement.Check(),
        SessionPoint point => point.Check(),
        Document document => document.Check(),
        ActionPlan plan => plan.Title.Check("title"),
        ActionItem item => item.Check(),
        ProgressUpdate update => update.Check(),
        Obstacle obstacle => obstacle.Check(),
        Indicator indicator => indicator.Check(),
        IndicatorValue value => value.Check("values"),
        Engagement engagement => engagement.Check(),
        Note note => note.Check(),
        Source source => source.Title.Check("title"),
        _ => [],
    };

    /// <summary>A person acting for a party under the title they held at the time.</summary>
    private sealed record Actor(Person Person, Party Party, BilingualText Title)
    {
        public SessionCoChair CoChair() => new() { PersonId = Person.Id, PartyId = Party.Id, Title = Title };

        public MeetingParticipant Chair() => new() { PersonId = Person.Id, PartyId = Party.Id, Title = Title, Role = MeetingRole.Chair };

        public DocumentSignatory Signatory(PartialDate signedOn) => new() { PersonId = Person.Id, PartyId = Party.Id, Title = Title, SignedOn = signedOn };
    }

    private sealed class Builder
    {
        private const DateParts WholeDate = DateParts.Year | DateParts.Month | DateParts.Day;

        private static readonly BilingualText DeputyForeignMinister = T("نائب وزير الخارجية", "Deputy Minister of Foreign Affairs");
        private static readonly BilingualText MiddleEastMinister = T("وزير الدولة لشؤون الشرق الأوسط", "Minister of State for the Middle East and North Africa");
        private static readonly BilingualText DevelopmentAndMiddleEastMinister = T("وزير الدولة للتنمية الدولية وشؤون الشرق الأوسط", "Minister of State for International Development and the Middle East");

        /// <summary>"Today, Monday" of the Arabic release: 23 November 2020 by the English release's dateline.</summary>
        private static readonly PartialDate ClosingDay = new(2020, 11, 23, WholeDate);

        private const string PeriodQuote = "التي امتدت في الفترة من 31 يوليو حتى الأول من سبتمبر";

        private readonly AppDbContext _db;
        private readonly Party _kw;
        private readonly Party _gb;
        private readonly JointBody _body;
        private readonly Source _releaseAr;
        private readonly Source _releaseEn;
        private readonly Source _embassyRelease;
        private readonly Source _session15Report;
        private readonly Actor _jarallah;
        private readonly Actor _cleverly;
        private readonly Actor _murrison;
        private readonly Institution _kwForeign, _kwDefence, _kwArmy, _kwHealth, _kwInterior, _kwHigherEducation, _kwCulturalOffice, _kwCommerce,
            _kwFinance, _kwInvestment, _kwSmeFund, _kwCitra, _kwFund, _kwAviation, _kwKisr, _kwCulture, _kwLibrary;
        private readonly Institution _gbFcdo, _gbDefence, _gbHealth, _gbHomeOffice, _gbTransport, _gbEducation, _gbTrade, _gbTreasury,
            _gbBusiness, _gbNcsc, _gbUkri, _gbBritishCouncil;
        private readonly Track _political, _defence, _economic, _trade, _investment, _culture, _science, _security, _aviationSecurity,
            _migration, _health, _cyber, _development, _education;

        public Builder(AppDbContext db)
        {
            _db = db;
            _kw = Add(new Party { Code = "KW", Kind = PartyKind.State, Name = T("دولة الكويت", "State of Kuwait"), Side = T("الجانب الكويتي", "the Kuwaiti side") });
            _gb = Add(new Party { Code = "GB", Kind = PartyKind.State, Name = T("المملكة المتحدة", "United Kingdom"), Side = T("الجانب البريطاني", "the British side") });

            _kwForeign = AddInstitution(_kw, "وزارة الخارجية", "Ministry of Foreign Affairs");
            _kwDefence = AddInstitution(_kw, "وزارة الدفاع", "Ministry of Defence");
            _kwArmy = AddInstitution(_kw, "الجيش الكويتي", "Kuwait Army");
            _kwHealth = AddInstitution(_kw, "وزارة الصحة", "Ministry of Health");
            _kwInterior = AddInstitution(_kw, "وزارة الداخلية", "Ministry of Interior");
            _kwHigherEducation = AddInstitution(_kw, "وزارة التعليم العالي", "Ministry of Higher Education");
            _kwCulturalOffice = AddInstitution(_kw, "المكتب الثقافي الكويتي في لندن", "Kuwait Cultural Office in London");
            _kwCommerce = AddInstitution(_kw, "وزارة التجارة والصناعة", "Ministry of Commerce and Industry");
            _kwFinance = AddInstitution(_kw, "وزارة المالية", "Ministry of Finance");
            _kwInvestment = AddInstitution(_kw, "هيئة تشجيع الاستثمار المباشر", "Kuwait Direct Investment Promotion Authority");
            _kwSmeFund = AddInstitution(_kw, "الصندوق الوطني لرعاية وتنمية المشروعات الصغيرة والمتوسطة", "National Fund for SME Development");

            // Kuwait's National Cyber Security Center was only set up in 2022; in 2020 the file sat with CITRA.
            _kwCitra = AddInstitution(_kw, "هيئة الاتصالات وتقنية المعلومات", "Communication and Information Technology Regulatory Authority");
            _kwFund = AddInstitution(_kw, "الصندوق الكويتي للتنمية الاقتصادية العربية", "Kuwait Fund for Arab Economic Development");
            _kwAviation = AddInstitution(_kw, "الإدارة العامة للطيران المدني", "Directorate General of Civil Aviation");
            _kwKisr = AddInstitution(_kw, "معهد الكويت للأبحاث العلمية", "Kuwait Institute for Scientific Research");
            _kwCulture = AddInstitution(_kw, "المجلس الوطني للثقافة والفنون والآداب", "National Council for Culture, Arts and Letters");
            _kwLibrary = AddInstitution(_kw, "مكتبة الكويت الوطنية", "National Library of Kuwait");

            _gbFcdo = AddInstitution(_gb, "وزارة الخارجية والكومنولث والتنمية", "Foreign, Commonwealth & Development Office");
            _gbDefence = AddInstitution(_gb, "وزارة الدفاع البريطانية", "Ministry of Defence");
            _gbHealth = AddInstitution(_gb, "وزارة الصحة والرعاية الاجتماعية", "Department of Health and Social Care");
            _gbHomeOffice = AddInstitution(_gb, "وزارة الداخلية البريطانية", "Home Office");
            _gbTransport = AddInstitution(_gb, "وزارة النقل البريطانية", "Department for Transport");
            _gbEducation = AddInstitution(_gb, "وزارة التعليم البريطانية", "Department for Education");
            _gbTrade = AddInstitution(_gb, "وزارة التجارة الدولية", "Department for International Trade");
            _gbTreasury = AddInstitution(_gb, "وزارة الخزانة البريطانية", "HM Treasury");
            _gbBusiness = AddInstitution(_gb, "وزارة الأعمال والطاقة والاستراتيجية الصناعية", "Department for Business, Energy and Industrial Strategy");
            _gbNcsc = AddInstitution(_gb, "المركز الوطني البريطاني للأمن السيبراني", "National Cyber Security Centre");
            _gbUkri = AddInstitution(_gb, "هيئة البحث والابتكار في المملكة المتحدة", "UK Research and Innovation");
            _gbBritishCouncil = AddInstitution(_gb, "المجلس الثقافي البريطاني", "British Council");

            // Al-Jarallah: deputy foreign minister from 1999 (Kuwait Times obituary) until his resignation took effect on 28 January 2021 (KUNA).
            _jarallah = new(
                AddPerson(_kw, ["خالد الجارالله", "خالد سليمان الجارالله"], ["Khaled Al-Jarallah", "Khaled Suleiman Al-Jarallah", "Khalid Al-Jarallah", "Khalid Al Jarallah"], DeputyForeignMinister, new(1999), new(2021, 1, 28), T("السفير", "Ambassador")),
                _kw,
                DeputyForeignMinister);
            _cleverly = new(AddPerson(_gb, ["جيمس كليفيرلي", "جيمس كليفرلي"], ["James Cleverly"], MiddleEastMinister, new(2020, 2), new(2021, 9)), _gb, MiddleEastMinister);
            _murrison = new(AddPerson(_gb, ["أندرو موريسون"], ["Andrew Murrison", "Dr Andrew Murrison"], DevelopmentAndMiddleEastMinister, new(2019, 5), new(2020, 2), T("الدكتور", "Dr")), _gb, DevelopmentAndMiddleEastMinister);

            _body = Add(new JointBody
            {
                Kind = JointBodyKind.JointSteeringGroup,
                Name = T("مجموعة التوجيه الكويتية البريطانية المشتركة", "Kuwait–UK Joint Steering Group"),
                Established = new(2012),
                RelationsSince = 1899,
                HistoryNote = T(
                    "علاقات ثنائية تاريخية مميزة تعود إلى اتفاقية عام 1899",
                    "A distinguished, historic bilateral relationship dating from the agreement of 1899"),
                Members = [new() { PartyId = _kw.Id, Precedence = 0 }, new() { PartyId = _gb.Id, Precedence = 1 }],
            });

            _releaseAr = AddSource("ar", "KUNA", ClosingDay, T("مجموعة التوجيه الكويتية البريطانية المشتركة تختتم أعمال دورتها الـ16", "Kuwait–UK Joint Steering Group concludes its 16th session"));
            _releaseEn = AddSource("en", "KUNA", new(2020, 11, 23), T("النسخة الإنجليزية لخبر كونا عن اختتام الدورة الـ16", "KUNA English release on the close of the 16th session"));
            _embassyRelease = AddSource("en", "British Embassy Kuwait", new(2020, 7, 28), T("الاجتماع السادس عشر لمجموعة التوجيه البريطانية الكويتية المشتركة", "Sixteenth meeting of UK-Kuwait Joint Steering Group"));
            _session15Report = AddSource("en", "Kuwait Times (KUNA)", new(2020, 2, 3), T("انعقاد الدورة الـ15 لمجموعة التوجيه الكويتية البريطانية المشتركة", "Kuwait-UK 15th Joint Steering Group session convenes"),
                "https://news.kuwaittimes.net/website/kuwait-uk-15th-joint-steering-group-session-convenes/");

            // A track's description is standing: what the track covers. What a session said of it is in the session's points.
            _political = AddTrack(TrackArea.Political, T("التعاون السياسي", "Political cooperation"), _kwForeign, _gbFcdo, T(
                "الحوار السياسي والتنسيق بين البلدين في القضايا الثنائية والإقليمية.", "Political dialogue and coordination between the two countries on bilateral and regional questions."));
            _defence = AddTrack(TrackArea.Defence, T("التعاون العسكري والدفاعي", "Defence and military cooperation"), _kwDefence, _gbDefence, T(
                "التعاون بين القوات المسلحة في البلدين في التسليح والتعليم والتدريب.", "Cooperation between the two armed forces in equipment, education and training."));
            _economic = AddTrack(TrackArea.Economic, T("التعاون الاقتصادي", "Economic cooperation"), _kwFinance, _gbTreasury, T(
                "السياسات الاقتصادية والمالية والمشاريع الصغيرة والمتوسطة وبناء القدرات.", "Economic and fiscal policy, small and medium-sized enterprises and capacity building."));
            _trade = AddTrack(TrackArea.Trade, T("التعاون التجاري", "Trade"), _kwCommerce, _gbTrade, T(
                "التبادل التجاري بين البلدين وفرص التجارة.", "Trade between the two countries and its opportunities."));
            _investment = AddTrack(TrackArea.Investment, T("التعاون الاستثماري", "Investment"), _kwInvestment, _gbTrade, T(
                "الاستثمار المتبادل في القطاعات ذات الأولوية.", "Investment in each other's priority sectors."));
            _culture = AddTrack(TrackArea.Culture, T("التعاون الثقافي", "Culture"), _kwCulture, _gbBritishCouncil, T(
                "التعاون الثقافي والمكتبات والتراث.", "Cultural cooperation, libraries and heritage."));
            _science = AddTrack(TrackArea.Science, T("التعاون العلمي", "Science and research"), _kwKisr, _gbUkri, T(
                "التعاون في البحث العلمي والابتكار.", "Cooperation in scientific research and innovation."));
            _security = AddTrack(TrackArea.Security, T("التعاون الأمني", "Security"), _kwInterior, _gbHomeOffice, T(
                "التعاون الأمني، ومنه الهجرة وأمن الطيران.", "Security cooperation, migration and aviation security among it."));
            _aviationSecurity = AddTrack(TrackArea.Security, T("أمن الطيران", "Aviation security"), _kwAviation, _gbTransport, T(
                "أمن المطارات والطيران المدني.", "Airport and civil aviation security."), _security);
            _migration = AddTrack(TrackArea.Security, T("الهجرة", "Migration"), _kwInterior, _gbHomeOffice, T(
                "الهجرة والتأشيرات وإدارة الحدود.", "Migration, visas and border management."), _security);
            _health = AddTrack(TrackArea.Health, T("التعاون الصحي", "Health"), _kwHealth, _gbHealth, T(
                "إدارة المستشفيات وتأهيل الكوادر الطبية والصحة العامة.", "Hospital management, medical training and public health."));
            _cyber = AddTrack(TrackArea.Cybersecurity, T("الأمن السيبراني", "Cybersecurity"), _kwCitra, _gbNcsc, T(
                "الأمن السيبراني وحماية البنية التحتية الحيوية.", "Cybersecurity and the protection of critical infrastructure."));
            _development = AddTrack(TrackArea.Development, T("التعاون الإنمائي", "Development cooperation"), _kwFund, _gbFcdo, T(
                "العمل الإنمائي المشترك في الدول المحتاجة.", "Joint development work in countries in need."));
            _education = AddTrack(TrackArea.Education, T("التعاون التعليمي والأكاديمي", "Education and academic cooperation"), _kwHigherEducation, _gbEducation, T(
                "التعليم العالي وابتعاث الطلبة والتعاون الأكاديمي.", "Higher education, scholarships and academic cooperation."));
        }

        public void Load()
        {
            var session15 = AddSession(15, 2020, PlaceKind.City, T("مدينة الكويت", "Kuwait City"), new(2020, 2, 2, DateParts.Day), new(2020, 2, 2, DateParts.Day), SessionStatus.Concluded, _jarallah, _murrison);
            var session16 = AddSession(16, 2020, PlaceKind.Virtual, null, new(2020, 7, 31, DateParts.Year), new(2020, 9, 1, DateParts.Year), SessionStatus.Concluded, _jarallah, _cleverly);
            var session17 = AddSession(17, null, PlaceKind.OneOfTheCapitals, T("إحدى العاصمتين: مدينة الكويت أو لندن", "One of the two capitals: Kuwait City or London"), null, null, SessionStatus.Planned);

            // This session decided where the next would meet; the statement says so whatever the 17th became.
            session16.NextPlaceKind = PlaceKind.OneOfTheCapitals;
            session16.NextPlaceName = session17.PlaceName;

            // The release says only that a cybersecurity MoU has been signed: the year 2019 is an assumption, marked inferred.
            var cyberMou = AddAgreement(_cyber, AgreementKind.MemorandumOfUnderstanding, null, [(AgreementStatus.Signed, new(2019, inferred: DateParts.Year), null)],
                T("مذكرة تفاهم في مجال الأمن السيبراني", "Memorandum of Understanding on Cybersecurity"),
                T("مذكرة تفاهم موقعة بين الجانبين، اتفقا في الدورة الـ16 على العمل على تفعيلها.", "A signed MoU that the two sides agreed at the 16th session to work to activate."));
            var fundMou = AddAgreement(_development, AgreementKind.MemorandumOfUnderstanding, T("مدينة الكويت", "Kuwait City"), [(AgreementStatus.Signed, new(2020, 2, 2, DateParts.Day), session15)],
                T("مذكرة تفاهم بين الصندوق الكويتي للتنمية الاقتصادية العربية ووزارة التنمية الدولية البريطانية", "MoU between the Kuwait Fund for Arab Economic Development and the UK Department for International Development"),
                T("وقعت خلال الدورة الـ15، وانتقلت التزامات وزارة التنمية الدولية إلى وزارة الخارجية والكومنولث والتنمية في سبتمبر 2020.", "Signed at the 15th session; DFID's commitments passed to the FCDO in September 2020."));
            var securityDraft = AddAgreement(_security, AgreementKind.Agreement, null, [(AgreementStatus.UnderNegotiation, null, session16)],
                T("اتفاقية التعاون الأمني", "Agreement on Security Cooperation"),
                T("من مشاريع الاتفاقيات التي بحثها الجانبان في الدورة الـ16.", "One of the draft agreements the two sides discussed at the 16th session."));
            var aviationDraft = AddAgreement(_aviationSecurity, AgreementKind.MemorandumOfUnderstanding, null, [(AgreementStatus.UnderNegotiation, null, session16)],
                T("مذكرة تفاهم في مجال أمن الطيران", "Memorandum of Understanding on Aviation Security"),
                T("من مشاريع مذكرات التفاهم التي بحثها الجانبان في الدورة الـ16.", "One of the draft MoUs the two sides discussed at the 16th session."));
            var defenceDraft = AddAgreement(_defence, AgreementKind.Agreement, null, [(AgreementStatus.UnderNegotiation, null, session16)],
                T("ترتيبات التعاون الدفاعي بين الحكومتين", "Government-to-Government Defence Cooperation Arrangements"),
                T("مشاريع التعاون الدفاعي المطروحة لدعم الجيش الكويتي في التسليح والتعليم والتدريب العسكري.", "The proposed defence cooperation projects supporting the Kuwait Army in armament, military education and training."));
            var healthMou = AddAgreement(_health, AgreementKind.MemorandumOfUnderstanding, null, [(AgreementStatus.Proposed, null, session16)],
                T("مذكرة تفاهم للتعاون في المجال الصحي", "Memorandum of Understanding on Health Cooperation"),
                T("مقترحة لتأطير الاستفادة من الخبرات البريطانية في إدارة المستشفيات وتدريب الكوادر الطبية الكويتية.", "Proposed to frame UK support in hospital management and the training of Kuwaiti medical staff."));

            var meeting15 = AddMeeting(session15, MeetingKind.Plenary, MeetingFormat.InPerson, T("الاجتماع الوزاري للدورة الـ15", "Ministerial meeting of the 15th session"), session15.StartsOn!, T("مدينة الكويت", "Kuwait City"), _jarallah, _murrison);
            AddMeeting(session16, MeetingKind.WorkingGroup, MeetingFormat.VideoConference, T("اجتماع فريق العمل الدفاعي", "Defence working group"), new(2020, 7, 29, DateParts.Year), null);
            var closing = AddMeeting(session16, MeetingKind.Closing, MeetingFormat.VideoConference, T("الاجتماع الختامي للدورة الـ16", "Closing meeting of the 16th session"), ClosingDay, null, _jarallah, _cleverly);
            closing.Agenda = T(
                "1. استعراض أوجه التعاون الثنائي في شتى المجالات.\n2. تقارير مجالات التعاون.\n3. التوقيع على خطة العمل.\n4. موعد ومكان الاجتماع الـ17.",
                "1. Review of bilateral cooperation across all fields.\n2. Reports of the cooperation tracks.\n3. Signature of the action plan.\n4. Date and venue of the 17th meeting.");
            closing.Minutes = T(
                "عقد الاجتماع الختامي عبر تقنية الاتصال المرئي والمسموع برئاسة نائب وزير الخارجية السفير خالد الجارالله من الجانب الكويتي ووزير الدولة لشؤون الشرق الأوسط جيمس كليفيرلي من الجانب البريطاني، واستعرض الجانبان أوجه التعاون الثنائي في شتى المجالات، وأكدا التزامهما بتوثيق وتعزيز العمل المشترك، وعبرا عن ارتياحهما لحجم التبادل التجاري الذي بلغ 3.4 مليار جنيه إسترليني. وفي الختام وقع الرئيسان على خطة العمل لمجموعة التوجيه المشتركة، واتفق الطرفان على عقد الاجتماع الـ17 في إحدى العاصمتين.",
                "The closing meeting was held by video conference, chaired for Kuwait by Deputy Foreign Minister Ambassador Khaled Al-Jarallah and for the United Kingdom by James Cleverly, Minister of State for the Middle East and North Africa. The two sides reviewed bilateral cooperation across all fields, reaffirmed their commitment to deepening joint work and welcomed bilateral trade of £3.4 billion. At the close, the co-chairs signed the Joint Steering Group's action plan, and the two sides agreed to hold the 17th meeting in one of the two capitals.");

            var plan15 = AddSignedPlan(session15, meeting15, T("خطة العمل – الدورة الـ15", "Action Plan – 15th Session"), session15.StartsOn!, _jarallah, _murrison);
            AddItem(plan15, _defence, new(2020, 12, 31), ActionItemStatus.Blocked, [_kwArmy, _gbDefence], [],
                T("إجراء التمرين العسكري المشترك «محارب الصحراء»", "Hold the joint exercise Desert Warrior"),
                Update(_gb, new(2020, 7, 29), null,
                    "أُجّل التمرين بسبب جائحة فايروس كورونا المستجد، ويعاد تحديد موعده حين تسمح الظروف.",
                    "Postponed because of the COVID-19 pandemic; to be rescheduled when conditions allow."));
            AddItem(plan15, _trade, new(2020, 6, 30), ActionItemStatus.Done, [_kwCommerce, _gbTrade], [],
                T("تبادل إحصاءات التجارة الثنائية لعام 2019", "Exchange bilateral trade statistics for 2019"),
                Update(_gb, new(2020, 6, 15), 100,
                    "زود الجانب البريطاني الجانب الكويتي بأرقام التجارة الثنائية لعام 2019.",
                    "The UK side has shared its bilateral trade figures for 2019 with the Kuwaiti side."));
            AddItem(plan15, _development, new(2020, 9, 30), ActionItemStatus.InProgress, [_kwFund, _gbFcdo], [fundMou],
                T("تحديد أولى المشاريع الإنمائية المشتركة في إطار مذكرة التفاهم بين الصندوق الكويتي ووزارة التنمية الدولية", "Identify the first joint development projects under the Kuwait Fund–DFID MoU"),
                Update(_kw, new(2020, 6, 30), 30,
                    "قدم الصندوق الكويتي قائمة أولية بالمشاريع المقترحة.",
                    "The Kuwait Fund has put forward a first list of candidate projects."));

            var plan16 = AddSignedPlan(session16, closing, T("خطة العمل لمجموعة التوجيه المشتركة – الدورة الـ16", "Joint Steering Group Action Plan – 16th Session"), ClosingDay, _jarallah, _cleverly);
            var activate = AddItem(plan16, _political, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwForeign, _gbFcdo], [cyberMou, fundMou],
                T("تفعيل كافة الاتفاقيات ومذكرات التفاهم الموقعة بين الجانبين وبحث العقبات إن وجدت والعمل على تذليلها", "Activate all agreements and MoUs signed between the two sides, identify any obstacles and work to remove them"),
                Update(_kw, new(2021, 1, 20), 30,
                    "أعدت وزارة الخارجية حصرا بالاتفاقيات ومذكرات التفاهم الموقعة وحالة تفعيل كل منها وعممته على الجهات المعنية.",
                    "The Ministry of Foreign Affairs has listed every signed agreement and MoU with its activation status and circulated the list to the bodies concerned."),
                Update(_gb, new(2021, 2, 15), 40,
                    "راجع الجانب البريطاني القائمة وحدد الجهة البريطانية المسؤولة عن متابعة تفعيل كل اتفاقية.",
                    "The UK side has reviewed the list and named the UK body responsible for the activation of each agreement."));
            AddItem(plan16, _political, new(2021, 3, 31), ActionItemStatus.InProgress, [_kwForeign, _gbFcdo], [],
                T("استكمال آليات التعاون المنبثقة عن مجموعة التوجيه", "Complete the cooperation mechanisms emanating from the Steering Group"),
                Update(_gb, new(2021, 1, 12), 50,
                    "عمم الجانب البريطاني مسودة اختصاصات فرق العمل.",
                    "The UK side has circulated draft terms of reference for the working groups."),
                Update(_kw, new(2021, 2, 8), 60,
                    "سمى الجانب الكويتي منسقا في كل جهة مشاركة.",
                    "The Kuwaiti side has named a focal point in each participating body."));
            AddItem(plan16, _trade, new(2021, 1, 31), ActionItemStatus.Done, [_kwCommerce, _gbTrade], [],
                T("استمرار التعاون مع دولة الكويت بعد خروج المملكة المتحدة من الاتحاد الأوروبي", "Continue UK–Kuwait cooperation after the UK's exit from the European Union"),
                Update(_gb, new(2021, 1, 5), 100,
                    "أكد الجانب البريطاني مع انتهاء الفترة الانتقالية في 31 ديسمبر 2020 استمرار ترتيبات التجارة والتعاون مع دولة الكويت دون تغيير.",
                    "With the transition period over on 31 December 2020, the UK has confirmed that its trade and cooperation arrangements with Kuwait continue unchanged."));
            AddItem(plan16, _investment, new(2021, 9, 30), ActionItemStatus.InProgress, [_kwInvestment, _gbTrade], [],
                T("تشجيع الاستثمار في القطاعات الحيوية والواعدة في كلا البلدين", "Encourage investment in vital and promising sectors in both countries"),
                Update(_kw, new(2021, 2, 1), 20,
                    "زودت هيئة تشجيع الاستثمار المباشر الجانب البريطاني بالقطاعات ذات الأولوية للاستثمار الأجنبي المباشر.",
                    "KDIPA has shared the priority sectors for foreign direct investment with the UK side."),
                Update(_gb, new(2021, 3, 1), 30,
                    "حددت وزارة التجارة الدولية شركات بريطانية مهتمة بهذه القطاعات.",
                    "DIT has identified UK companies interested in those sectors."));
            AddItem(plan16, _trade, new(2021, 6, 30), ActionItemStatus.NotStarted, [_kwCommerce, _gbTrade], [],
                T("بحث الفرص التجارية في كلا البلدين", "Explore trade opportunities in both countries"),
                Update(_kw, new(2021, 2, 20), null,
                    "اقترحت وزارة التجارة والصناعة عقد اجتماع للمختصين في مارس 2021.",
                    "The Ministry of Commerce and Industry has proposed a meeting of officials in March 2021."));
            AddItem(plan16, _economic, new(2021, 6, 30), ActionItemStatus.NotStarted, [_kwSmeFund, _gbBusiness], [],
                T("تبادل الخبرات فيما يتعلق بالمشاريع الصغيرة والمتوسطة ودورها في دعم الاقتصادات الوطنية", "Exchange expertise on small and medium-sized enterprises and their role in supporting national economies"));
            AddItem(plan16, _economic, new(2021, 12, 31), ActionItemStatus.NotStarted, [_kwFinance, _gbTreasury], [],
                T("إسهام الجانب البريطاني في تطوير القدرات المؤسسية", "UK contribution to building institutional capacity"));
            AddItem(plan16, _investment, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwInvestment, _gbTrade], [],
                T("تنظيم ورش العمل وورش العمل الافتراضية بالتنسيق مع المؤسسات والجهات المعنية بدولة الكويت في المجالات الاقتصادية والاستثمارية", "Organise workshops, including virtual workshops, with the relevant Kuwaiti institutions in economic and investment fields"),
                Update(_gb, new(2021, 1, 18), 25,
                    "حُدد شهر فبراير 2021 موعدا لأولى ورش العمل الافتراضية حول الاستثمار في القطاعات الواعدة.",
                    "The first virtual workshop, on investment in promising sectors, is set for February 2021."),
                Update(_kw, new(2021, 1, 25), 30,
                    "رشحت هيئة تشجيع الاستثمار المباشر المشاركين من الجهات الكويتية.",
                    "KDIPA has nominated the participants from Kuwaiti institutions."));
            AddItem(plan16, _development, new(2021, 12, 31), ActionItemStatus.InProgress, [_kwFund, _gbFcdo], [fundMou],
                T("تعزيز التعاون المشترك في المجال الإنمائي في الدول المحتاجة", "Strengthen joint development cooperation in countries in need"),
                Update(_kw, new(2021, 2, 10), 20,
                    "اقترح الصندوق الكويتي دولا وقطاعات للعمل المشترك.",
                    "The Kuwait Fund has proposed countries and sectors for joint work."),
                Update(_gb, new(2021, 3, 3), 25,
                    "تولت وزارة الخارجية والكومنولث والتنمية التزامات وزارة التنمية الدولية السابقة بموجب مذكرة التفاهم.",
                    "The FCDO has taken over the former DFID's commitments under the MoU."));
            AddItem(plan16, _defence, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwDefence, _kwArmy, _gbDefence], [defenceDraft],
                T("متابعة المباحثات بين المختصين بشأن مشاريع التعاون الدفاعي لدعم الجيش الكويتي في التسليح والتعليم والتدريب العسكري", "Take forward specialist talks on defence cooperation projects supporting the Kuwait Army in armament, military education and training"),
                Update(_kw, new(2021, 1, 28), 20,
                    "حدد الجيش الكويتي احتياجاته من التدريب لعام 2021.",
                    "The Kuwait Army has set out its training needs for 2021."),
                Update(_gb, new(2021, 2, 22), 35,
                    "يجري تأكيد المقاعد المخصصة للضباط الكويتيين في الكليات العسكرية البريطانية.",
                    "Places for Kuwaiti officers at UK military colleges are being confirmed."));
            AddItem(plan16, _aviationSecurity, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwAviation, _gbTransport], [aviationDraft],
                T("مواصلة التعاون والدعم البريطاني في مجال أمن الطيران", "Continue cooperation and UK support in aviation security"),
                Update(_gb, new(2021, 2, 4), 40,
                    "قدمت وزارة النقل البريطانية مقترحا لبرنامج تدريب عن بعد لموظفي أمن المطار.",
                    "The Department for Transport has proposed a remote training programme for airport security staff."));
            AddItem(plan16, _migration, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwInterior, _gbHomeOffice], [],
                T("مواصلة التعاون في مجال الهجرة", "Continue cooperation on migration"),
                Update(_kw, new(2021, 2, 14), 30,
                    "تبادلت وزارة الداخلية ووزارة الداخلية البريطانية جهات الاتصال لشؤون الهجرة.",
                    "The Ministry of Interior and the Home Office have exchanged migration contact points."));
            AddItem(plan16, _security, new(2021, 9, 30), ActionItemStatus.InProgress, [_kwInterior, _gbHomeOffice], [securityDraft, aviationDraft],
                T("استكمال بحث مشاريع الاتفاقيات ومذكرات التفاهم في المجال الأمني", "Conclude the discussion of the draft security agreements and MoUs"),
                Update(_gb, new(2021, 3, 10), 30,
                    "أرسلت وزارة الداخلية البريطانية ملاحظاتها على مشروع اتفاقية التعاون الأمني.",
                    "The Home Office has sent its comments on the draft security cooperation agreement."));
            var activateCyber = AddItem(plan16, _cyber, new(2021, 3, 31), ActionItemStatus.Blocked, [_kwCitra, _gbNcsc], [cyberMou],
                T("تفعيل مذكرة التفاهم الموقعة في مجال الأمن السيبراني", "Activate the signed cybersecurity MoU"),
                Update(_gb, new(2021, 2, 2), 10,
                    "المركز الوطني البريطاني للأمن السيبراني مستعد لبدء التنفيذ بانتظار تسمية الجهة الكويتية المنفذة.",
                    "The NCSC is ready to start, pending the designation of the Kuwaiti implementing body."));
            AddItem(plan16, _health, new(2021, 9, 30), ActionItemStatus.InProgress, [_kwHealth, _gbHealth], [healthMou],
                T("الاستفادة من الخبرات البريطانية في إدارة المستشفيات وتدريب وتأهيل الكوادر الطبية الكويتية", "Draw on UK expertise in hospital management and in training and qualifying Kuwaiti medical staff"),
                Update(_kw, new(2021, 1, 31), 15,
                    "حددت وزارة الصحة أولوياتها في إدارة المستشفيات والتدريب.",
                    "The Ministry of Health has set its priorities in hospital management and training."),
                Update(_gb, new(2021, 3, 5), 25,
                    "عرضت وزارة الصحة والرعاية الاجتماعية برامج تدريب بالتعاون مع هيئة الخدمات الصحية الوطنية.",
                    "DHSC has offered training programmes in cooperation with the NHS."));
            AddItem(plan16, _health, new(2021, 3, 31), ActionItemStatus.InProgress, [_kwHealth, _gbHealth], [],
                T("تعزيز الجهود الجماعية لمواجهة فايروس كورونا المستجد والاستفادة من الخبرات البريطانية في سياق إيجاد لقاح", "Step up joint efforts against COVID-19 and draw on UK experience in vaccine development"),
                Update(_gb, new(2021, 1, 14), 50,
                    "أطلع الجانب البريطاني الجانب الكويتي على تجربته في اعتماد اللقاحات وتوزيعها.",
                    "The UK has briefed Kuwait on its experience of approving and rolling out vaccines."));
            var students = AddItem(plan16, _education, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwHigherEducation, _kwCulturalOffice, _gbEducation], [],
                T("تحديد الصعوبات التي خلقها انتشار وباء فايروس كورونا المستجد للطلبة الكويتيين المبتعثين إلى المملكة المتحدة ومحاولة تذليلها", "Identify and ease the difficulties the COVID-19 pandemic has caused Kuwaiti students sent to study in the UK"),
                Update(_kw, new(2020, 12, 15), 30,
                    "حصر المكتب الثقافي الكويتي في لندن حالات الطلبة المتأثرين بالجائحة.",
                    "The Kuwait Cultural Office in London has recorded the cases of students affected by the pandemic."),
                Update(_gb, new(2021, 1, 22), 40,
                    "شارك الجانب البريطاني إرشادات الجامعات بشأن التعليم عن بعد وترتيبات السفر.",
                    "The UK side has shared universities' guidance on remote teaching and travel arrangements."));
            AddItem(plan16, _science, new(2021, 9, 30), ActionItemStatus.NotStarted, [_kwKisr, _gbUkri], [],
                T("بحث نطاق التعاون في مجالات البحث العلمي", "Define the scope of cooperation in scientific research"));
            AddItem(plan16, _culture, new(2021, 12, 31), ActionItemStatus.InProgress, [_kwLibrary, _gbBritishCouncil], [],
                T("متابعة مبادرة المكتبة الرقمية", "Take forward the digital library initiative"),
                Update(_kw, new(2021, 2, 17), 20,
                    "أعدت مكتبة الكويت الوطنية قائمة أولية بالمقتنيات المرشحة للرقمنة.",
                    "The National Library of Kuwait has drawn up a first list of holdings to digitise."));
            AddItem(plan16, _culture, new(2021, 6, 30), ActionItemStatus.InProgress, [_kwLibrary, _gbBritishCouncil], [],
                T("الشراكة بين مكتبة الكويت الوطنية والمجلس الثقافي البريطاني", "Partnership between the National Library of Kuwait and the British Council"),
                Update(_gb, new(2021, 2, 24), 30,
                    "عرض المجلس الثقافي البريطاني مسودة برنامج الشراكة للعام 2021.",
                    "The British Council has put forward a draft partnership programme for 2021."));

            AddObstacle(_education, students, null, _kw, ObstacleStatus.BeingRemoved,
                T("الصعوبات التي خلقها انتشار وباء فايروس كورونا المستجد للطلبة الكويتيين الدارسين في المملكة المتحدة", "Difficulties the COVID-19 pandemic has caused Kuwaiti students in the UK"),
                T("قيود السفر والحجر الصحي عند الوصول والتحول إلى التعليم عن بعد أثرت على دراسة الطلبة وتدريبهم العملي.", "Travel restrictions, quarantine on arrival and the move to remote teaching have disrupted students' courses and placements."));
            AddObstacle(_political, activate, null, _kw, ObstacleStatus.Open,
                T("تأخر تفعيل بعض الاتفاقيات ومذكرات التفاهم الموقعة", "Delays in activating some signed agreements and MoUs"),
                T("بعض الاتفاقيات الموقعة لم تُسم لها بعد جهات منفذة أو خطط تنفيذ.", "Some signed agreements still lack named implementing bodies or implementation plans."));
            AddObstacle(_cyber, activateCyber, cyberMou, _gb, ObstacleStatus.Open,
                T("عدم تسمية الجهة الكويتية المنفذة لمذكرة التفاهم في مجال الأمن السيبراني", "No Kuwaiti implementing body yet named for the cybersecurity MoU"),
                T("يتوقف تفعيل المذكرة على تسمية الجهة الوطنية المسؤولة عن الأمن السيبراني.", "Activating the MoU depends on designating the national body responsible for cybersecurity."));
            AddObstacle(_political, null, null, _gb, ObstacleStatus.Resolved,
                T("القيود الصحية على السفر والاجتماعات الحضورية", "Health restrictions on travel and in-person meetings"),
                T("حالت جائحة فايروس كورونا المستجد دون عقد اجتماعات الدورة الـ16 حضوريا.", "The COVID-19 pandemic ruled out in-person meetings for the 16th session."),
                T("عقدت فرق العمل والاجتماع الختامي عبر تقنية الاتصال المرئي والمسموع.", "The working groups and the closing meeting were held by video conference."));

            // The release gives the figure without its period; calendar year 2019 is an assumption. The 2018 value is illustrative, without a source.
            var tradeVolume = Add(new Indicator
            {
                JointBodyId = _body.Id,
                TrackId = _trade.Id,
                Name = T("حجم التبادل التجاري", "Bilateral trade volume"),
                Unit = "GBP",
                IsCurrency = true,
                Values =
                [
                    new() { Value = 3_000_000_000m, PeriodStart = new(2018, 1, 1), PeriodEnd = new(2018, 12, 31) },
                    new() { Value = 3_400_000_000m, PeriodStart = new(2019, 1, 1), PeriodEnd = new(2019, 12, 31), SourceId = _releaseAr.Id, ReportedOn = new(2020, 11, 23) },
                ],
            });

            // What the 16th session itself said, track by track, in the release's words and with who said it.
            AddPoint(session16, _political, PointKind.Agreed, null, T(
                "تفعيل كافة الاتفاقيات ومذكرات التفاهم الموقعة بين الجانبين وبحث العقبات إن وجدت والعمل على تذليلها",
                "activating all the agreements and memoranda of understanding the two sides have signed, identifying any obstacles and working to remove them"), activate, cyberMou, fundMou);
            AddPoint(session16, _political, PointKind.Agreed, null, T(
                "استكمال آليات التعاون المنبثقة عن مجموعة التوجيه",
                "completing the cooperation mechanisms that emanate from the Steering Group"));
            AddPoint(session16, _defence, PointKind.Reviewed, null, T(
                "سير المباحثات الجارية بين المختصين بشأن مشاريع التعاون الدفاعي المطروحة من خلال تقديم الدعم والمساندة للجيش الكويتي في مساعي تعزيز قدراته وجاهزيته بما يواكب احتياجاته سواء في قطاع التسليح أو التعليم والتدريب العسكري",
                "the progress of talks between specialists on the proposed defence cooperation projects, through which the UK supports the Kuwait Army in building its capabilities and readiness to meet its needs, in armament as well as in military education and training"), defenceDraft);
            AddPoint(session16, _economic, PointKind.Discussed, null, T(
                "تبادل الخبرات فيما يتعلق بالمشاريع الصغيرة والمتوسطة ودورها في دعم الاقتصادات الوطنية، وإسهام الجانب البريطاني في تطوير القدرات المؤسسية، وتنظيم ورش العمل وورش العمل الافتراضية بالتنسيق مع المؤسسات والجهات المعنية بدولة الكويت",
                "sharing expertise on small and medium-sized enterprises and their role in supporting national economies, a UK contribution to building institutional capacity, and workshops, including virtual ones, organised with the relevant Kuwaiti institutions"));
            AddPoint(session16, _trade, PointKind.Agreed, null, T(
                "بحث الفرص التجارية في كلا البلدين",
                "exploring trade opportunities in both countries"));
            AddPoint(session16, _trade, PointKind.Affirmed, _gb, T(
                "استمرار التعاون مع دولة الكويت بعد خروج المملكة المتحدة من الاتحاد الأوروبي",
                "continued cooperation with Kuwait after the UK's exit from the European Union"));
            AddPoint(session16, _investment, PointKind.Agreed, null, T(
                "توثيق العلاقات والشراكات الاقتصادية والتجارية عبر تشجيع الاستثمار في القطاعات الحيوية والواعدة في كلا البلدين، وتنظيم ورش العمل في المجالات الاستثمارية محل الاهتمام المتبادل",
                "deepening economic and commercial partnerships by encouraging investment in vital and promising sectors in both countries, with workshops in investment fields of mutual interest"));
            AddPoint(session16, _culture, PointKind.Discussed, null, T(
                "مبادرة المكتبة الرقمية والشراكة بين مكتبة الكويت الوطنية والمجلس الثقافي البريطاني",
                "the digital library initiative and the partnership between the National Library of Kuwait and the British Council"));
            AddPoint(session16, _science, PointKind.Discussed, null, T(
                "نطاق التعاون في مجالات البحث العلمي",
                "the scope of cooperation in scientific research"));
            AddPoint(session16, _security, PointKind.Discussed, null, T(
                "التعاون المثمر في المجالات الأمنية كالهجرة وأمن الطيران، ومشاريع الاتفاقيات ومذكرات التفاهم بين الجانبين",
                "productive cooperation in security fields such as migration and aviation security, and the draft agreements and memoranda of understanding between the two sides"), securityDraft, aviationDraft);
            AddPoint(session16, _aviationSecurity, PointKind.Praised, _kw, T(
                "الدعم المقدم من الجانب البريطاني في هذا المجال",
                "the support the UK has provided in this field"));
            AddPoint(session16, _migration, PointKind.Noted, null, T(
                "التعاون المثمر بين الجهات المعنية في البلدين",
                "the productive cooperation between the relevant authorities of both countries"));
            AddPoint(session16, _health, PointKind.Discussed, null, T(
                "الاستفادة من الخبرات البريطانية الصحية المتطورة لاسيما المتعلقة بإدارة المستشفيات وتدريب وتأهيل الكوادر الطبية الكويتية، وتعزيز الجهود الجماعية لمواجهة فايروس كورونا المستجد",
                "drawing on advanced UK health expertise, particularly in hospital management and in training and qualifying Kuwaiti medical staff, and stepping up collective efforts against COVID-19"), healthMou);
            AddPoint(session16, _health, PointKind.LookedForward, _kw, T(
                "الاستفادة من الخبرات البريطانية والجهود المبذولة في سياق إيجاد لقاح لهذا الوباء",
                "benefiting from UK expertise and the work towards a vaccine against the pandemic"));
            AddPoint(session16, _cyber, PointKind.Affirmed, null, T(
                "التنسيق المتواصل والتعاون المتبادل بين الجهات المعنية بكلا البلدين",
                "continued coordination and mutual cooperation between the relevant bodies of both countries"));
            AddPoint(session16, _cyber, PointKind.Agreed, null, T(
                "العمل على تفعيل مذكرة التفاهم الموقعة بما يعزز جهود دولة الكويت لمواجهة التحديات والتهديدات المتزايدة في المجال السيبراني",
                "working to activate the signed memorandum of understanding in support of Kuwait's efforts to meet growing cyber challenges and threats"), activateCyber, cyberMou);
            AddPoint(session16, _development, PointKind.Agreed, null, T(
                "تعزيز التعاون المشترك في المجال الإنمائي بين الجانبين في الدول المحتاجة",
                "strengthening development cooperation between the two sides in countries in need"), fundMou);
            AddPoint(session16, _education, PointKind.Discussed, null, T(
                "ابتعاث الطلبة الكويتيين للدراسة في المملكة المتحدة في شتى التخصصات",
                "Kuwaiti students sent to study in the UK across many disciplines"));
            AddPoint(session16, _education, PointKind.Agreed, null, T(
                "تحديد الصعوبات التي خلقها انتشار وباء فايروس كورونا المستجد للطلبة ومحاولة تذليلها",
                "identifying and easing the difficulties the COVID-19 pandemic has caused those students"));

            // The 15th session, in a line: it saw the Kuwait Fund–DFID memorandum signed.
            AddPoint(session15, _development, PointKind.Welcomed, null, T(
                "انطلاق التعاون الإنمائي المشترك بين الصندوق الكويتي للتنمية الاقتصادية العربية ووزارة التنمية الدولية البريطانية",
                "the start of joint development work between the Kuwait Fund for Arab Economic Development and DFID"), fundMou);

            AddEngagement(_investment, session16, EngagementKind.Workshop, EngagementFormat.Virtual, EngagementStatus.Planned, new(2021, 2),
                T("ورشة عمل افتراضية حول الاستثمار في القطاعات الحيوية والواعدة", "Virtual workshop on investment in vital and promising sectors"),
                T("بالتنسيق مع المؤسسات والجهات المعنية بدولة الكويت في المجالات الاستثمارية.", "Organised with the relevant Kuwaiti institutions in the investment field."), _kwInvestment, _gbTrade);
            AddEngagement(_economic, session16, EngagementKind.Workshop, EngagementFormat.Virtual, EngagementStatus.Planned, new(2021, 3),
                T("ورشة عمل افتراضية حول المشاريع الصغيرة والمتوسطة", "Virtual workshop on small and medium-sized enterprises"),
                T("تبادل الخبرات حول دور المشاريع الصغيرة والمتوسطة في دعم الاقتصادات الوطنية.", "Sharing expertise on the role of SMEs in supporting national economies."), _kwSmeFund, _gbBusiness);
            AddEngagement(_economic, session16, EngagementKind.Workshop, EngagementFormat.InPerson, EngagementStatus.Proposed, null,
                T("ورشة عمل حول تطوير القدرات المؤسسية", "Workshop on institutional capacity building"),
                T("تعقد في الكويت حين تسمح الظروف الصحية.", "To be held in Kuwait when health conditions allow."), _kwFinance, _gbTreasury);
            AddEngagement(_education, null, EngagementKind.ScholarshipProgramme, EngagementFormat.InPerson, EngagementStatus.Ongoing, null,
                T("برنامج ابتعاث الطلبة الكويتيين للدراسة في المملكة المتحدة", "Scholarship programme for Kuwaiti students in the UK"),
                T("ابتعاث الطلبة الكويتيين للدراسة في المملكة المتحدة في شتى التخصصات.", "Kuwaiti students sent to study in the UK across many disciplines."), _kwHigherEducation, _kwCulturalOffice);
            AddEngagement(_health, session16, EngagementKind.Training, EngagementFormat.Hybrid, EngagementStatus.Proposed, null,
                T("تدريب وتأهيل الكوادر الطبية الكويتية", "Training and qualification of Kuwaiti medical staff"),
                T("الاستفادة من الخبرات البريطانية في إدارة المستشفيات وتدريب الكوادر الطبية.", "Drawing on UK expertise in hospital management and medical training."), _kwHealth, _gbHealth);
            AddEngagement(_defence, null, EngagementKind.Training, EngagementFormat.InPerson, EngagementStatus.Ongoing, null,
                T("التدريب العسكري للقوات الكويتية في المملكة المتحدة", "Military training of Kuwaiti forces in the UK"),
                T("دعم الجيش الكويتي في التعليم والتدريب العسكري.", "Support to the Kuwait Army in military education and training."), _kwArmy, _gbDefence);

            AddClaim(RecordType.Session, session16.Id, "startsOn", session16.StartsOn!.ToString(), _releaseAr, PeriodQuote);
            AddClaim(RecordType.Session, session16.Id, "endsOn", session16.EndsOn!.ToString(), _releaseAr, PeriodQuote);

            // Disagreeing claims, kept beside the stated period: the same release says the session closed "today, Monday",
            // and the embassy dates the first working group two days before the stated start.
            AddClaim(RecordType.Session, session16.Id, "endsOn", ClosingDay.ToString(), _releaseAr, "اختتمت مجموعة التوجيه الكويتية البريطانية المشتركة اليوم الاثنين اعمال دورتها ال16");
            AddClaim(RecordType.Session, session16.Id, "startsOn", new PartialDate(2020, 7, 29, DateParts.Year).ToString(), _embassyRelease, "the Defence subgroup will be held virtually on Wednesday, 29 July");

            // The English release is not in the reference folder: its claim cites the dateline without a quote.
            AddClaim(RecordType.Meeting, closing.Id, "date", new PartialDate(2020, 11, 23).ToString(), _releaseEn);
            AddClaim(RecordType.Meeting, closing.Id, "date", ClosingDay.ToString(), _releaseAr, "اليوم الاثنين");
            AddClaim(RecordType.Meeting, closing.Id, "format", Names.Kebab(MeetingFormat.VideoConference), _releaseAr, "عبر تقنية الاتصال المرئي والمسموع");
            AddClaim(RecordType.IndicatorValue, tradeVolume.Values.Single(v => v.SourceId == _releaseAr.Id).Id, "value", 3_400_000_000m.ToString(CultureInfo.InvariantCulture), _releaseAr, "حجم التبادل التجاري الذي بلغ 4ر3 مليار جنيه استرليني");
            AddClaim(RecordType.JointBody, _body.Id, "relationsSince", "1899", _releaseAr, "العلاقات الثنائية التاريخية المميزة والممتدة لما يزيد عن 121 عاما");
            AddClaim(RecordType.JointBody, _body.Id, "established", _body.Established!.ToString(), _session15Report, "The group was established in 2012");
            AddClaim(RecordType.Person, _cleverly.Person.Id, "names", "جيمس كليفيرلي", _releaseAr, "وزير الدولة لشؤون الشرق الاوسط البريطاني جيمس كليفيرلي");
            AddClaim(RecordType.ActionPlan, plan16.Id, "signedOn", ClosingDay.ToString(), _releaseAr, "وفي الختام وقع نائب وزير الخارجية السفير خالد الجارالله و وزير الدولة لشؤون الشرق الاوسط البريطاني جيمس كليفيرلي على خطة العمل لمجموعة التوجيه المشتركة");
            AddClaim(RecordType.Session, session17.Id, "placeKind", Names.Kebab(PlaceKind.OneOfTheCapitals), _releaseAr, "واتفق الطرفان على عقد الاجتماع ال17 لمجموعة التوجيه المشتركة في إحدى العاصمتين");
            AddClaim(RecordType.Session, session15.Id, "startsOn", session15.StartsOn!.ToString(), _session15Report, "was held in Kuwait on Sunday");

            AddNote(RecordType.Session, session16.Id, "en", null,
                "The Arabic release gives the period of the talks as 31 July to 1 September and says the session closed on Monday (23 November by the English dateline). Both are kept with their claims; the session record holds the stated period.");
            AddNote(RecordType.Session, session17.Id, "ar", null,
                "اتفق الطرفان على عقد الاجتماع الـ17 لمجموعة التوجيه المشتركة في إحدى العاصمتين، على أن يحدد الموعد والمكان عبر القنوات الدبلوماسية.");
            AddNote(RecordType.Indicator, tradeVolume.Id, "en", null,
                "The release does not state the period of the £3.4 billion figure; it is recorded against calendar year 2019 until official trade statistics confirm it.");
            AddNote(RecordType.Track, _defence.Id, "ar", _kw,
                "إحاطة داخلية للوفد الكويتي: تحديد احتياجات الجيش الكويتي ذات الأولوية في التسليح والتعليم والتدريب العسكري قبل الاجتماع الـ17، وربط أي التزام جديد بالمباحثات الجارية بين المختصين. لا تشارك مع الجانب البريطاني.");
            AddNote(RecordType.Track, _trade.Id, "en", _gb,
                "Internal brief (UK only): lead on continuity after the end of the transition period, then steer talks to healthcare, education and infrastructure as DIT's priority sectors for Kuwait before the 17th JSG. Not for sharing with the Kuwaiti side.");
        }

        private static BilingualText T(string ar, string en) => new(ar, en);

        /// <summary>Applies <paramref name="change"/> along <paramref name="path"/> until <paramref name="target"/>; nothing when the target is the initial status.</summary>
        private static void MoveTo<TStatus>(TStatus target, Action<TStatus> change, params TStatus[] path)
            where TStatus : struct, Enum
        {
            if (!path.Contains(target))
            {
                return;
            }

            foreach (var step in path)
            {
                change(step);
                if (EqualityComparer<TStatus>.Default.Equals(step, target))
                {
                    return;
                }
            }
        }

        private static IEnumerable<PersonName> Spellings(string language, string[] spellings) =>
            spellings.Select((text, i) => new PersonName { Language = language, Text = text, IsPreferred = i == 0 });

        private static ProgressUpdate Update(Party party, DateOnly on, int? percentComplete, string ar, string en) =>
            new() { PartyId = party.Id, On = on, PercentComplete = percentComplete, Text = T(ar, en) };

        private TEntity Add<TEntity>(TEntity entity)
            where TEntity : class
        {
            _db.Add(entity);
            return entity;
        }

        private Institution AddInstitution(Party party, string ar, string en) => Add(new Institution { PartyId = party.Id, Name = T(ar, en) });

        /// <summary>A person whose first spelling in each language is the preferred one.</summary>
        private Person AddPerson(Party party, string[] ar, string[] en, BilingualText title, PartialDate from, PartialDate to, BilingualText? honorific = null) => Add(new Person
        {
            PartyId = party.Id,
            Honorifics = honorific is null ? [] : [new PersonHonorific { Position = 0, Text = honorific }],
            Names = [.. Spellings("ar", ar), .. Spellings("en", en)],
            Titles = [new() { Title = title, From = from, To = to }],
        });

        private Source AddSource(string language, string publisher, PartialDate publishedOn, BilingualText title, string? url = null) => Add(new Source
        {
            JointBodyId = _body.Id,
            Kind = SourceKind.PressRelease,
            Title = title,
            Publisher = publisher,
            PublishedOn = publishedOn,
            Language = language,
            Url = url,
        });

        private Track AddTrack(TrackArea area, BilingualText name, Institution kwLead, Institution gbLead, BilingualText description, Track? parent = null) => Add(new Track
        {
            JointBodyId = _body.Id,
            ParentTrackId = parent?.Id,
            Area = area,
            Name = name,
            Description = description,
            Leads = [.. new[] { kwLead, gbLead }.Select(lead => new TrackLead { PartyId = lead.PartyId, InstitutionId = lead.Id })],
        });

        private Agreement AddAgreement(Track track, AgreementKind kind, BilingualText? signedAt, (AgreementStatus Status, PartialDate? On, Session? At)[] history, BilingualText title, BilingualText summary)
        {
            var agreement = Add(new Agreement
            {
                JointBodyId = _body.Id,
                TrackId = track.Id,
                Kind = kind,
                Title = title,
                Summary = summary,
                SignedAt = signedAt,
                Parties = [new() { PartyId = _kw.Id }, new() { PartyId = _gb.Id }],
            });
            agreement.ReplaceHistory([.. history.Select(e => new AgreementEvent { Status = e.Status, On = e.On, SessionId = e.At?.Id })]);
            return agreement;
        }

        private void AddPoint(Session session, Track track, PointKind kind, Party? saidBy, BilingualText text, params BodyRecord[] concerned) =>
            DemoBodies.AddPointTo(_db, _body.Id, session, track, kind, saidBy, text, concerned.Select(c => (c switch
            {
                ActionItem => RecordType.ActionItem,
                Agreement => RecordType.Agreement,
                Obstacle => RecordType.Obstacle,
                _ => throw new ArgumentException("A point concerns items, agreements and obstacles.", nameof(concerned)),
            }, c.Id)));

        private Session AddSession(int number, int? year, PlaceKind placeKind, BilingualText? placeName, PartialDate? startsOn, PartialDate? endsOn, SessionStatus status, params Actor[] coChairs)
        {
            var session = Add(new Session
            {
                JointBodyId = _body.Id,
                Number = number,
                Year = year,
                PlaceKind = placeKind,
                PlaceName = placeName,
                StartsOn = startsOn,
                EndsOn = endsOn,
                CoChairs = [.. coChairs.Select(c => c.CoChair())],
            });
            MoveTo(status, to => session.ChangeStatus(to), SessionStatus.Open, SessionStatus.Concluded);
            return session;
        }

        private Meeting AddMeeting(Session session, MeetingKind kind, MeetingFormat format, BilingualText title, PartialDate date, BilingualText? place, params Actor[] chairs) => Add(new Meeting
        {
            JointBodyId = _body.Id,
            SessionId = session.Id,
            Kind = kind,
            Format = format,
            Title = title,
            Date = date,
            Place = place,
            Participants = [.. chairs.Select(c => c.Chair())],
        });

        /// <summary>An action plan signed by the co-chairs, with the signed document that carries their signatures.</summary>
        private ActionPlan AddSignedPlan(Session session, Meeting meeting, BilingualText title, PartialDate signedOn, params Actor[] coChairs)
        {
            var document = Add(new Document
            {
                JointBodyId = _body.Id,
                Kind = DocumentKind.ActionPlan,
                Title = title,
                SessionId = session.Id,
                MeetingId = meeting.Id,
                Signatories = [.. coChairs.Select(c => c.Signatory(signedOn))],
            });
            var plan = Add(new ActionPlan { JointBodyId = _body.Id, SessionId = session.Id, Title = title, SignedOn = signedOn, DocumentId = document.Id });
            plan.RecordSignedOnPaper(signedOn, document.Id);
            return plan;
        }

        private ActionItem AddItem(ActionPlan plan, Track track, DateOnly dueOn, ActionItemStatus status, Institution[] owners, Agreement[] agreements, BilingualText title, params ProgressUpdate[] updates)
        {
            var item = Add(new ActionItem
            {
                JointBodyId = _body.Id,
                ActionPlanId = plan.Id,
                TrackId = track.Id,
                Title = title,
                DueOn = dueOn,
                Owners = [.. owners.Select(o => new ActionItemOwner { InstitutionId = o.Id, PartyId = o.PartyId })],
                Agreements = [.. agreements.Select(a => new ActionItemAgreement { AgreementId = a.Id })],
                Updates = [.. updates],
            });
            MoveTo(status, item.ChangeStatus, ActionItemStatus.InProgress, status);
            return item;
        }

        private void AddObstacle(Track track, ActionItem? item, Agreement? agreement, Party raisedBy, ObstacleStatus status, BilingualText title, BilingualText description, BilingualText? resolution = null)
        {
            var obstacle = Add(new Obstacle
            {
                JointBodyId = _body.Id,
                TrackId = track.Id,
                ActionItemId = item?.Id,
                AgreementId = agreement?.Id,
                Title = title,
                Description = description,
                Resolution = resolution,
                RaisedByPartyId = raisedBy.Id,
                RaisedOn = new(2020, 11, 23),
            });
            MoveTo(status, obstacle.ChangeStatus, ObstacleStatus.BeingRemoved, ObstacleStatus.Resolved);
        }

        private void AddEngagement(Track track, Session? session, EngagementKind kind, EngagementFormat format, EngagementStatus status, PartialDate? startsOn, BilingualText title, BilingualText description, params Institution[] organisers) => Add(new Engagement
        {
            JointBodyId = _body.Id,
            TrackId = track.Id,
            SessionId = session?.Id,
            Kind = kind,
            Format = format,
            Status = status,
            Title = title,
            Description = description,
            StartsOn = startsOn,
            Organisers = [.. organisers.Select(o => new EngagementOrganiser { InstitutionId = o.Id })],
        });

        private void AddClaim(RecordType recordType, Guid recordId, string field, string value, Source source, string? quote = null) => Add(new Claim
        {
            JointBodyId = _body.Id,
            RecordType = recordType,
            RecordId = recordId,
            Field = field,
            Value = value,
            SourceId = source.Id,
            Quote = quote,
        });

        /// <summary>A joint note, or a national one of <paramref name="nationalOwner"/>.</summary>
        private void AddNote(RecordType targetType, Guid targetId, string language, Party? nationalOwner, string text)
        {
            var note = Add(new Note { JointBodyId = _body.Id, TargetType = targetType, TargetId = targetId, Language = language, Text = text });
            if (nationalOwner is not null)
            {
                note.SetVisibility(Visibility.National, nationalOwner.Id);
            }
        }
    }
}
