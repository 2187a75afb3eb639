using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.DemoData;

/// <summary>
/// Two more joint bodies beside the reference case, of other kinds and parties, each with several
/// sessions: a higher joint committee renamed on its way (Kuwait–Jordan) and a working group
/// (Oman–UK on education). They show history on first start: a body's former name in its earlier
/// session's statement, agreements signed at one session and activated at the next, figures
/// reported session by session, next sessions decided in turn.
/// </summary>
/// <remarks>
/// Written for the demo: the bodies, sessions, points, agreements and figures are invented and
/// plausible, copied from no release. No people are named: the sessions have no co-chairs.
/// </remarks>
public static class DemoBodies
{
    /// <summary>Adds both bodies to a database that holds the reference case, and saves them with a statement for each concluded session.</summary>
    public static async Task LoadAsync(AppDbContext db, CancellationToken ct)
    {
        var kw = await db.Parties.SingleAsync(p => p.Code == "KW", ct);
        var gb = await db.Parties.SingleAsync(p => p.Code == "GB", ct);
        var jo = new Party { Code = "JO", Kind = PartyKind.State, Name = T("المملكة الأردنية الهاشمية", "Hashemite Kingdom of Jordan"), Side = T("الجانب الأردني", "the Jordanian side") };
        var om = new Party { Code = "OM", Kind = PartyKind.State, Name = T("سلطنة عمان", "Sultanate of Oman"), Side = T("الجانب العماني", "the Omani side") };
        db.Parties.AddRange(jo, om);
        async Task<Institution> Existing(Party party, string en) =>
            await db.Institutions.FirstOrDefaultAsync(i => i.PartyId == party.Id && i.Name.En == en, ct)
            ?? db.Institutions.Add(new Institution { PartyId = party.Id, Name = T(en, en) }).Entity;
        Institution New(Party party, string ar, string en) => db.Institutions.Add(new Institution { PartyId = party.Id, Name = T(ar, en) }).Entity;

        var committee = new Body(db, JointBodyKind.JointCommittee, T("اللجنة العليا الكويتية الأردنية المشتركة", "Kuwait–Jordan Higher Joint Committee"), kw, jo, new(2009));
        committee.Record.FormerNames.Add(new JointBodyFormerName
        {
            JointBodyId = committee.Record.Id,
            Kind = JointBodyKind.JointCommittee,
            Name = T("اللجنة الكويتية الأردنية المشتركة", "Kuwait–Jordan Joint Committee"),
            Until = new(2019, 6),
        });
        committee.Record.HistoryNote = T("علاقات أخوية راسخة بين البلدين", "long-standing fraternal relations between the two countries");
        var trade = committee.AddTrack(TrackArea.Trade, T("التعاون التجاري", "Trade"), await Existing(kw, "Ministry of Commerce and Industry"), New(jo, "وزارة الصناعة والتجارة والتموين", "Ministry of Industry, Trade and Supply"));
        var investment = committee.AddTrack(TrackArea.Investment, T("التعاون الاستثماري", "Investment"), await Existing(kw, "Kuwait Direct Investment Promotion Authority"), New(jo, "وزارة الاستثمار", "Ministry of Investment"));
        var schooling = committee.AddTrack(TrackArea.Education, T("التعليم العالي", "Higher education"), await Existing(kw, "Ministry of Higher Education"), New(jo, "وزارة التعليم العالي والبحث العلمي", "Ministry of Higher Education and Scientific Research"));
        var care = committee.AddTrack(TrackArea.Health, T("التعاون الصحي", "Health"), await Existing(kw, "Ministry of Health"), New(jo, "وزارة الصحة", "Ministry of Health"));

        var s7 = committee.AddSession(7, 2018, PlaceKind.City, T("عمّان", "Amman"), new(2018, 5, 14), MeetingFormat.InPerson, T("عمّان", "Amman"));
        var s8 = committee.AddSession(8, 2021, PlaceKind.Virtual, null, new(2021, 3, 10), MeetingFormat.VideoConference, null);
        var s9 = committee.AddSession(9, 2024, PlaceKind.City, T("مدينة الكويت", "Kuwait City"), new(2024, 11, 20), MeetingFormat.InPerson, T("مدينة الكويت", "Kuwait City"));
        committee.AddSession(10, null, PlaceKind.City, T("عمّان", "Amman"), null, null, null);
        s7.NextPlaceKind = PlaceKind.ToBeDecided;
        s8.NextPlaceKind = PlaceKind.City;
        s8.NextPlaceName = T("مدينة الكويت", "Kuwait City");
        s9.NextPlaceKind = PlaceKind.City;
        s9.NextPlaceName = T("عمّان", "Amman");
        s9.NextStartsOn = new(2026);

        var taxation = committee.AddAgreement(trade, AgreementKind.Agreement, T("اتفاقية تجنب الازدواج الضريبي", "Agreement on the Avoidance of Double Taxation"),
            (AgreementStatus.Proposed, null, s7), (AgreementStatus.UnderNegotiation, new(2019, 2), null), (AgreementStatus.Agreed, new(2020, 10), null), (AgreementStatus.Signed, new(2021, 3, 10), s8),
            (AgreementStatus.InForce, new(2022, 1, 1), null));
        var vocational = committee.AddAgreement(schooling, AgreementKind.MemorandumOfUnderstanding, T("مذكرة تفاهم في مجال التدريب المهني والتقني", "Memorandum of Understanding on Vocational and Technical Training"),
            (AgreementStatus.Proposed, null, s8), (AgreementStatus.UnderNegotiation, new(2022, 9), null), (AgreementStatus.Agreed, new(2024, 6), null), (AgreementStatus.Signed, new(2024, 11, 20), s9));

        committee.AddPoint(s7, trade, PointKind.Agreed, null, T("تسهيل انسياب السلع بين البلدين وإزالة العوائق غير الجمركية", "easing the flow of goods between the two countries and removing non-tariff barriers"));
        committee.AddPoint(s7, trade, PointKind.Discussed, null, T("مشروع اتفاقية لتجنب الازدواج الضريبي", "a draft agreement on the avoidance of double taxation"), taxation);
        committee.AddPoint(s7, schooling, PointKind.Discussed, null, T("معادلة الشهادات الجامعية الصادرة في البلدين", "the recognition of university degrees awarded in either country"));
        committee.AddPoint(s8, investment, PointKind.Welcomed, jo, T("نمو الاستثمارات الكويتية في قطاع الطاقة المتجددة في الأردن", "the growth of Kuwaiti investment in Jordan's renewable energy sector"));
        committee.AddPoint(s8, care, PointKind.Agreed, null, T("تبادل الخبرات في مكافحة الجائحة وتنسيق توفير اللقاحات", "sharing expertise on fighting the pandemic and coordinating vaccine supply"));
        committee.AddPoint(s8, schooling, PointKind.Agreed, null, T("التفاوض على مذكرة تفاهم في مجال التدريب المهني والتقني", "negotiating a memorandum of understanding on vocational and technical training"), vocational);
        committee.AddPoint(s9, trade, PointKind.Reviewed, null, T("ما تحقق منذ دخول اتفاقية تجنب الازدواج الضريبي حيز النفاذ", "what has been achieved since the agreement on the avoidance of double taxation entered into force"), taxation);
        committee.AddPoint(s9, schooling, PointKind.Decided, null, T("إطلاق برنامج لتبادل أعضاء هيئة التدريس في الجامعات", "launching an exchange programme for university teaching staff"));
        committee.AddPoint(s9, investment, PointKind.Affirmed, kw, T("اهتمامه بفرص الاستثمار في مشروعات البنية التحتية الأردنية", "its interest in investment opportunities in Jordanian infrastructure projects"));
        committee.AddFigure(trade, T("حجم التبادل التجاري", "Bilateral trade volume"), "USD",
            (620_000_000m, 2017, new(2018, 5, 14)), (480_000_000m, 2020, new(2021, 3, 10)), (710_000_000m, 2023, new(2024, 11, 20)));

        var group = new Body(db, JointBodyKind.WorkingGroup, T("فريق العمل العماني البريطاني المشترك للتعليم", "Oman–UK Joint Working Group on Education"), om, gb, new(2021));
        var higher = group.AddTrack(TrackArea.Education, T("التعليم العالي", "Higher education"), New(om, "وزارة التعليم العالي والبحث العلمي والابتكار", "Ministry of Higher Education, Research and Innovation"), await Existing(gb, "Department for Education"));
        var research = group.AddTrack(TrackArea.Science, T("البحث العلمي", "Research"), New(om, "مجلس البحث العلمي", "Research Council"), await Existing(gb, "UK Research and Innovation"));
        var g1 = group.AddSession(1, 2021, PlaceKind.Virtual, null, new(2021, 10, 5), MeetingFormat.VideoConference, null);
        var g2 = group.AddSession(2, 2022, PlaceKind.City, T("مسقط", "Muscat"), new(2022, 11, 16), MeetingFormat.InPerson, T("مسقط", "Muscat"));
        var g3 = group.AddSession(3, 2023, PlaceKind.City, T("لندن", "London"), new(2023, 10, 11), MeetingFormat.Hybrid, T("لندن", "London"));
        group.AddSession(4, null, PlaceKind.OneOfTheCapitals, T("إحدى العاصمتين: مسقط أو لندن", "One of the two capitals: Muscat or London"), null, null, null);
        g1.NextPlaceKind = PlaceKind.City;
        g1.NextPlaceName = T("مسقط", "Muscat");
        g2.NextPlaceKind = PlaceKind.City;
        g2.NextPlaceName = T("لندن", "London");
        g3.NextPlaceKind = PlaceKind.OneOfTheCapitals;
        g3.NextPlaceName = T("إحدى العاصمتين: مسقط أو لندن", "One of the two capitals: Muscat or London");

        var tvet = group.AddAgreement(higher, AgreementKind.MemorandumOfUnderstanding, T("مذكرة تفاهم في مجال ضمان جودة التعليم العالي", "Memorandum of Understanding on Quality Assurance in Higher Education"),
            (AgreementStatus.Proposed, null, g1), (AgreementStatus.UnderNegotiation, new(2022, 3), null), (AgreementStatus.Agreed, new(2022, 9), null), (AgreementStatus.Signed, new(2022, 11, 16), g2), (AgreementStatus.InForce, new(2023, 1, 1), null),
            (AgreementStatus.BeingImplemented, null, g3));
        group.AddPoint(g1, higher, PointKind.Agreed, null, T("وضع إطار للتعاون في ضمان جودة التعليم العالي", "setting a framework for cooperation on quality assurance in higher education"), tvet);
        group.AddPoint(g1, higher, PointKind.Noted, gb, T("تزايد أعداد الطلبة العمانيين الدارسين في المملكة المتحدة", "the rising number of Omani students in the UK"));
        group.AddPoint(g2, research, PointKind.Welcomed, null, T("انطلاق برنامج الشراكات البحثية بين الجامعات في البلدين", "the launch of a programme of research partnerships between universities of the two countries"));
        group.AddPoint(g3, research, PointKind.Reviewed, null, T("نتائج الجولة الأولى من الشراكات البحثية", "the results of the first round of research partnerships"));
        group.AddPoint(g3, higher, PointKind.Affirmed, om, T("أولوية تدريس العلوم والتكنولوجيا والهندسة والرياضيات", "the priority it gives to teaching science, technology, engineering and mathematics"), tvet);
        // What real releases carry: who hosted, the theme of a session, how often the group meets, a figure known only as "over".
        group.Record.Frequency = SessionFrequency.Annual;
        (g2.HostPartyId, g3.HostPartyId) = (om.Id, gb.Id);
        g3.Theme = T("شراكة معرفية للعقد القادم", "A knowledge partnership for the next decade");
        db.Indicators.Add(new Indicator
        {
            JointBodyId = group.Record.Id,
            TrackId = higher.Id,
            Name = T("عدد الطلبة العمانيين في الجامعات البريطانية", "Number of Omani students at UK universities"),
            Unit = "students",
            Values = [new IndicatorValue { Value = 4200, Qualifier = FigureQualifier.Over, Period = new PartialDate(2022), PeriodStart = new(2022, 1, 1), PeriodEnd = new(2022, 12, 31), ReportedOn = new(2023, 10, 11) }],
        });

        DomainRuleException.ThrowIfAny(db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).SelectMany(e => ReferenceCase.Check(e.Entity)));
        await db.SaveChangesAsync(ct);

        foreach (var session in new[] { s7, s8, s9, g1, g2, g3 })
        {
            db.JointStatements.Add(new JointStatement
            {
                JointBodyId = session.JointBodyId,
                SessionId = session.Id,
                Text = Statements.StatementWriter.Write(await Statements.SessionFacts.LoadAsync(db, session.Id, ct)),
                GeneratedAt = DateTime.UtcNow,
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private static BilingualText T(string ar, string en) => new(ar, en);

    /// <summary>A point of a demo session, after the points already added to its track, with the records it concerns.</summary>
    internal static void AddPointTo(AppDbContext db, Guid bodyId, Session session, Track track, PointKind kind, Party? saidBy, BilingualText text, IEnumerable<(RecordType Type, Guid Id)> concerned)
    {
        var point = db.SessionPoints.Add(new SessionPoint
        {
            JointBodyId = bodyId,
            SessionId = session.Id,
            TrackId = track.Id,
            Kind = kind,
            SaidByPartyId = saidBy?.Id,
            Text = text,
            Position = db.ChangeTracker.Entries<SessionPoint>().Count(e => e.Entity.SessionId == session.Id && e.Entity.TrackId == track.Id),
        }).Entity;
        point.Links = [.. concerned.Select(c => new SessionPointLink { SessionPointId = point.Id, RecordType = c.Type, RecordId = c.Id })];
    }

    /// <summary>One demo body being built: its record and what is added to it.</summary>
    private sealed class Body
    {
        private readonly AppDbContext _db;
        private readonly Party _first;
        private readonly Party _second;

        public Body(AppDbContext db, JointBodyKind kind, BilingualText name, Party first, Party second, PartialDate established)
        {
            _db = db;
            _first = first;
            _second = second;
            Record = db.JointBodies.Add(new JointBody
            {
                Kind = kind,
                Name = name,
                Established = established,
                Members = [new() { PartyId = first.Id, Precedence = 0 }, new() { PartyId = second.Id, Precedence = 1 }],
            }).Entity;
        }

        public JointBody Record { get; }

        public Track AddTrack(TrackArea area, BilingualText name, Institution firstLead, Institution secondLead) => _db.Tracks.Add(new Track
        {
            JointBodyId = Record.Id,
            Area = area,
            Name = name,
            Leads = [new() { PartyId = firstLead.PartyId, InstitutionId = firstLead.Id }, new() { PartyId = secondLead.PartyId, InstitutionId = secondLead.Id }],
        }).Entity;

        /// <summary>A session; concluded, with its closing meeting, when it has a day.</summary>
        public Session AddSession(int number, int? year, PlaceKind place, BilingualText? placeName, PartialDate? day, MeetingFormat? format, BilingualText? meetingPlace)
        {
            var session = _db.Sessions.Add(new Session { JointBodyId = Record.Id, Number = number, Year = year, PlaceKind = place, PlaceName = placeName, StartsOn = day, EndsOn = day }).Entity;
            if (day is not null)
            {
                session.ChangeStatus(SessionStatus.Open);
                session.ChangeStatus(SessionStatus.Concluded);
                _db.Meetings.Add(new Meeting
                {
                    JointBodyId = Record.Id,
                    SessionId = session.Id,
                    Kind = MeetingKind.Closing,
                    Format = format,
                    Title = T($"الاجتماع الختامي للدورة {number}", $"Closing meeting of session {number}"),
                    Date = day,
                    Place = meetingPlace,
                });
            }

            return session;
        }

        public Agreement AddAgreement(Track track, AgreementKind kind, BilingualText title, params (AgreementStatus Status, PartialDate? On, Session? At)[] history)
        {
            var agreement = _db.Agreements.Add(new Agreement
            {
                JointBodyId = Record.Id,
                TrackId = track.Id,
                Kind = kind,
                Title = title,
                Parties = [new() { PartyId = _first.Id }, new() { PartyId = _second.Id }],
            }).Entity;
            agreement.ReplaceHistory([.. history.Select(e => new AgreementEvent { Status = e.Status, On = e.On, SessionId = e.At?.Id })]);
            return agreement;
        }

        public void AddPoint(Session session, Track track, PointKind kind, Party? saidBy, BilingualText text, params Agreement[] concerned) =>
            AddPointTo(_db, Record.Id, session, track, kind, saidBy, text, concerned.Select(a => (RecordType.Agreement, a.Id)));

        /// <summary>An indicator with a calendar year's figure per session, reported on the session's day.</summary>
        public void AddFigure(Track track, BilingualText name, string unit, params (decimal Value, int Year, DateOnly ReportedOn)[] values) => _db.Indicators.Add(new Indicator
        {
            JointBodyId = Record.Id,
            TrackId = track.Id,
            Name = name,
            Unit = unit,
            IsCurrency = true,
            Values = [.. values.Select(v => new IndicatorValue { Value = v.Value, PeriodStart = new(v.Year, 1, 1), PeriodEnd = new(v.Year, 12, 31), ReportedOn = v.ReportedOn })],
        });
    }
}
