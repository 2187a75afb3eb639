using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

/// <summary>A person in a role, as a statement names them.</summary>
/// <param name="PostNominals">Letters after the English name ("MP"), or empty.</param>
public sealed record NamedPerson(BilingualText Name, BilingualText? Honorific, BilingualText Title, BilingualText Party, string PostNominals = "");

/// <summary>A point the session made: what it did, who said it (null: both sides), and the phrase that follows the verb.</summary>
public sealed record PointFacts(PointKind Kind, BilingualText? Side, BilingualText Text);

public sealed record TrackFacts(BilingualText Name, IReadOnlyList<PointFacts> Points, IReadOnlyList<TrackFacts> SubTracks);

/// <param name="Status">The agreement's status as it stood at the end of the session.</param>
/// <param name="SignedAtSession">Signed at this very session.</param>
public sealed record AgreementFacts(BilingualText Title, AgreementStatus Status, bool SignedAtSession = false);

/// <param name="Period">The period when known only as a year or a month; else <paramref name="PeriodStart"/> and <paramref name="PeriodEnd"/> bound it, or nothing does.</param>
public sealed record IndicatorFacts(BilingualText Name, decimal Value, string Unit, bool IsCurrency, DateOnly? PeriodStart, DateOnly? PeriodEnd, string? Source, PartialDate? SourceDate,
    FigureQualifier Qualifier = FigureQualifier.Exact, bool Each = false, PartialDate? Period = null);

public sealed record EngagementFacts(BilingualText Title, EngagementStatus Status, PartialDate? StartsOn, PartialDate? EndsOn = null);

public sealed record PlanFacts(BilingualText Title, PartialDate? SignedOn, IReadOnlyList<NamedPerson> Signatories);

public sealed record NextSessionFacts(int Number, PlaceKind PlaceKind, BilingualText? PlaceName, PartialDate? StartsOn);

/// <summary>
/// What a session's joint statement draws on, read from the records as they stood at the session's
/// end (<see cref="AsOf"/>): the body under the name it bore then, its parties, the session and
/// its closing meeting, the co-chairs with their titles, the session's own points per track, the
/// agreements in the state they were in then, indicators of periods up to then, the engagements of
/// the session, its signed plan, and the next session as this session decided it. Later sessions
/// change none of it. Only joint records are read: a statement is published by both sides and
/// never carries a national one.
/// </summary>
public sealed record SessionFacts(
    BilingualText Body,
    int? RelationsYears,
    BilingualText? HistoryNote,
    IReadOnlyList<BilingualText> Parties,
    int Number,
    int? Year,
    PartialDate? StartsOn,
    PartialDate? EndsOn,
    SessionStatus Status,
    PartialDate? MeetingDate,
    MeetingFormat? MeetingFormat,
    BilingualText? MeetingPlace,
    IReadOnlyList<NamedPerson> CoChairs,
    IReadOnlyList<PointFacts> GeneralPoints,
    IReadOnlyList<TrackFacts> Tracks,
    IReadOnlyList<AgreementFacts> Agreements,
    IReadOnlyList<IndicatorFacts> Indicators,
    IReadOnlyList<EngagementFacts> Engagements,
    IReadOnlyList<PlanFacts> SignedPlans,
    NextSessionFacts? Next,
    IReadOnlySet<string> ProperWords,
    ArabicGender BodyGender = ArabicGender.Feminine,
    BilingualText? Theme = null)
{
    /// <summary>The agreements as a statement groups them: signed before (to be activated), under negotiation, proposed; those signed at the session are <see cref="SignedAtSession"/>.</summary>
    public (List<AgreementFacts> Signed, List<AgreementFacts> Negotiating, List<AgreementFacts> Proposed) AgreementsByStage() => (
        [.. Agreements.Where(a => !a.SignedAtSession && a.Status is AgreementStatus.Signed or AgreementStatus.InForce or AgreementStatus.BeingImplemented)],
        [.. Agreements.Where(a => a.Status is AgreementStatus.UnderNegotiation or AgreementStatus.Agreed)],
        [.. Agreements.Where(a => a.Status == AgreementStatus.Proposed)]);

    /// <summary>The agreements signed at the session itself.</summary>
    public IReadOnlyList<AgreementFacts> SignedAtSession => [.. Agreements.Where(a => a.SignedAtSession)];

    /// <summary>The engagements as a statement groups them: to be held, and continuing.</summary>
    public (List<EngagementFacts> Planned, List<EngagementFacts> Ongoing, List<EngagementFacts> Held) EngagementsByStage() => (
        [.. Engagements.Where(e => e.Status is EngagementStatus.Planned or EngagementStatus.Proposed)],
        [.. Engagements.Where(e => e.Status == EngagementStatus.Ongoing)],
        [.. Engagements.Where(e => e.Status == EngagementStatus.Held)]);

    public static async Task<SessionFacts> LoadAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.CoChairs).FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new Infrastructure.ApiErrorException(new Infrastructure.ApiError.NotFound("session", sessionId));
        var body = await db.JointBodies.AsNoTracking().Include(b => b.Members).Include(b => b.FormerNames).FirstAsync(b => b.Id == session.JointBodyId, ct);
        var partyIds = body.Members.Select(m => m.PartyId).ToList();
        // Parties in the order the body names them ("Kuwait–UK"), then by code.
        var precedence = body.Members.ToDictionary(m => m.PartyId, m => m.Precedence);
        var parties = (await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToListAsync(ct))
            .OrderBy(p => precedence[p.Id]).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var partyName = parties.ToDictionary(p => p.Id, p => Draft(p.Name));

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Participants)
            .Where(m => m.SessionId == sessionId && m.Visibility == Visibility.Joint).ToListAsync(ct);
        var meeting = meetings.FirstOrDefault(m => m.Kind == MeetingKind.Closing)
            ?? meetings.Where(m => m.Date is not null).OrderByDescending(m => m.Date!.AsDate).FirstOrDefault();

        var personIds = session.CoChairs.Select(c => c.PersonId).ToList();
        var plans = await db.ActionPlans.AsNoTracking().Where(p => p.SessionId == sessionId && p.Status == ActionPlanStatus.Signed).OrderBy(p => p.PlanVersion).ToListAsync(ct);
        var documentIds = plans.Where(p => p.DocumentId is not null).Select(p => p.DocumentId!.Value).ToList();
        var documents = await db.Documents.AsNoTracking().Include(d => d.Signatories).Where(d => documentIds.Contains(d.Id) && d.Visibility == Visibility.Joint).ToListAsync(ct);
        personIds.AddRange(documents.SelectMany(d => d.Signatories).Select(s => s.PersonId));
        var people = await db.People.AsNoTracking().Include(p => p.Names).Include(p => p.Honorifics).Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        NamedPerson Named(PersonInRole role) => new(
            people.TryGetValue(role.PersonId, out var p) ? new BilingualText(p.PreferredName("ar") ?? p.PreferredName("en") ?? string.Empty, p.PreferredName("en") ?? p.PreferredName("ar") ?? string.Empty) : new BilingualText(string.Empty, string.Empty),
            Honorifics(people.GetValueOrDefault(role.PersonId)),
            Draft(role.Title),
            partyName.GetValueOrDefault(role.PartyId) ?? new BilingualText(string.Empty, string.Empty),
            string.Join(' ', people.GetValueOrDefault(role.PersonId)?.PostNominals ?? []));
        int PartyOrder(Guid party) => parties.FindIndex(p => p.Id == party);

        var asOf = AsOf(session, meeting);
        var numbers = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == body.Id).ToDictionaryAsync(s => s.Id, s => s.Number, ct);
        var sides = parties.ToDictionary(p => p.Id, p => Draft(p.Side ?? p.Name));

        // The session's own points, per track; the tracks a statement names are those the session spoke
        // of (or, when it recorded no point, those of its plan's items, or else all the body's tracks).
        var points = await db.SessionPoints.AsNoTracking().Where(p => p.SessionId == sessionId && p.Visibility == Visibility.Joint)
            .OrderBy(p => p.Position).ThenBy(p => p.Id).ToListAsync(ct);
        PointFacts Point(SessionPoint p) => new(p.Kind, p.SaidByPartyId is { } side ? sides.GetValueOrDefault(side) : null, Draft(p.Text));
        var planIds = await db.ActionPlans.AsNoTracking().Where(p => p.SessionId == sessionId).Select(p => (Guid?)p.Id).ToListAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == body.Id).ToListAsync(ct);
        var used = points.Where(p => p.TrackId is not null).Select(p => p.TrackId!.Value).ToHashSet();
        if (used.Count == 0)
        {
            used = (await db.ActionItems.AsNoTracking().Where(i => planIds.Contains(i.ActionPlanId) && i.Visibility == Visibility.Joint).Select(i => i.TrackId).Distinct().ToListAsync(ct)).ToHashSet();
        }

        if (used.Count == 0)
        {
            used = tracks.Select(t => t.Id).ToHashSet();
        }

        foreach (var t in tracks.Where(t => used.Contains(t.Id) && t.ParentTrackId is not null).ToList())
        {
            used.Add(t.ParentTrackId!.Value);
        }

        TrackFacts Facts(Track t) => new(Draft(t.Name), [.. points.Where(p => p.TrackId == t.Id).Select(Point)],
            [.. tracks.Where(s => s.ParentTrackId == t.Id && used.Contains(s.Id)).OrderBy(s => s.Name.En, StringComparer.Ordinal).Select(Facts)]);
        var topTracks = tracks.Where(t => t.ParentTrackId is null && used.Contains(t.Id)).OrderBy(t => t.Area).ThenBy(t => t.Name.En, StringComparer.Ordinal).Select(Facts).ToList();

        // Agreements in the state they were in at the session's end: an event counts when it happened at
        // this session or an earlier one, or is dated by the end; an event of unknown time counts only for
        // a session still running. Agreements with no counting event did not exist yet for this session.
        var agreements = (await db.Agreements.AsNoTracking().Include(a => a.Events).Where(a => a.JointBodyId == body.Id && a.Visibility == Visibility.Joint).ToListAsync(ct))
            .Select(a => (a, history: a.History()))
            .Select(x => (x.a, state: x.history.LastOrDefault(e => Counts(e, session, asOf, numbers, DateOnly.FromDateTime(x.a.CreatedAt))), signedHere: x.history.Any(e => e.SessionId == sessionId && e.Status == AgreementStatus.Signed)))
            .Where(x => x.state is not null && x.state.Status is not (AgreementStatus.Expired or AgreementStatus.Terminated))
            .OrderBy(x => x.a.Title.En, StringComparer.Ordinal)
            .Select(x => new AgreementFacts(Draft(x.a.Title), x.state!.Status, x.signedHere))
            .ToList();

        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.JointBodyId == body.Id && i.Visibility == Visibility.Joint).ToListAsync(ct);
        var sourceIds = indicators.SelectMany(i => i.Values).Where(v => v.SourceId is not null).Select(v => v.SourceId!.Value).ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        // A figure is the session's news when it was reported (or, with no report date, its period ended)
        // after the previous session's end and by this one's: an older figure was the news of an earlier session.
        var previousEnd = await PreviousEndAsync(db, session, ct);
        var indicatorFacts = indicators
            .Select(i => (i, v: i.Values
                // A figure for the whole (a party's share is not the body's figure); one of no known time is no session's news.
                .Where(v => v.PartyId is null && v.AsOf is not null)
                .Where(v => asOf is null || ((v.PeriodEnd ?? v.ReportedOn) <= asOf.Value && (v.ReportedOn ?? v.PeriodEnd) <= asOf.Value))
                .Where(v => previousEnd is null || (v.ReportedOn ?? v.PeriodEnd) > previousEnd.Value)
                .OrderByDescending(v => v.PeriodEnd ?? v.ReportedOn).FirstOrDefault()))
            .Where(x => x.v is not null)
            .OrderBy(x => x.i.Name.En, StringComparer.Ordinal)
            .Select(x => new IndicatorFacts(Draft(x.i.Name), x.v!.Value, x.i.Unit, x.i.IsCurrency, x.v.PeriodStart, x.v.PeriodEnd,
                x.v.SourceId is { } s && sources.TryGetValue(s, out var source) ? source.Publisher ?? source.Title.En : null,
                x.v.SourceId is { } s2 && sources.TryGetValue(s2, out var source2) ? source2.PublishedOn : null,
                x.v.Qualifier,
                x.v.Each,
                x.v.Period))
            .ToList();

        // The session's engagements; an engagement of no session only while it runs, and only from its start.
        var engagements = (await db.Engagements.AsNoTracking()
            .Where(e => e.JointBodyId == body.Id && e.Visibility == Visibility.Joint && (e.SessionId == sessionId || (e.SessionId == null && e.Status == EngagementStatus.Ongoing)))
            .Where(e => e.Status != EngagementStatus.Cancelled)
            .OrderBy(e => e.Status).ThenBy(e => e.Title.En).ToListAsync(ct))
            .Where(e => e.SessionId == sessionId || (e.StartsOn is not null && (asOf is null || Earliest(e.StartsOn) <= asOf.Value)))
            .Select(e => new EngagementFacts(Draft(e.Title), e.Status, e.StartsOn, e.EndsOn)).ToList();

        // The next session as this session decided it; failing a decision, the next session's record.
        var next = session.NextPlaceKind is { } nextPlace
            ? new NextSessionFacts(session.Number + 1, nextPlace, Draft(session.NextPlaceName, optional: true), session.NextStartsOn)
            : await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == body.Id && s.Number == session.Number + 1)
                .Select(s => new NextSessionFacts(s.Number, s.PlaceKind, s.PlaceName, s.StartsOn)).FirstOrDefaultAsync(ct);

        // The name the body bore at the session: a former name if it was renamed after the session's end
        // (a rename known by its year or month alone counts from its last day, as an agreement's steps do).
        var former = asOf is null ? null
            : body.FormerNames.Where(n => n.Until is not null && Latest(n.Until) > asOf.Value).OrderBy(n => Latest(n.Until!)).FirstOrDefault();
        var bodyName = former?.Name ?? body.Name;
        // The verbs follow the name then: a former name keeps the gender it took.
        var gender = former?.Gender ?? body.Gender;
        var year = session.Year ?? asOf?.Year ?? session.StartsOn?.Year;

        var proper = new HashSet<string>(StringComparer.Ordinal);
        // Proper words are the parties' (and their demonyms): a body's own name is made of common words too ("Higher", "Joint").
        foreach (var name in parties.SelectMany(p => new[] { p.Name.En, p.Side?.En ?? string.Empty }))
        {
            foreach (var word in name.Split([' ', '–', '-', ',', '&'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])))
            {
                proper.Add(word);
                proper.Add(word + "i");
            }
        }

        return new SessionFacts(
            Draft(bodyName),
            body.RelationsSince is { } since && year is { } y && y > since ? y - since : null,
            Draft(body.HistoryNote, optional: true),
            [.. parties.Select(p => Draft(p.Name))],
            session.Number,
            session.Year,
            session.StartsOn,
            session.EndsOn,
            session.Status,
            meeting?.Date,
            meeting?.Format,
            Draft(meeting?.Place, optional: true),
            [.. session.CoChairs.OrderBy(c => PartyOrder(c.PartyId)).Select(Named)],
            [.. points.Where(p => p.TrackId is null).Select(Point)],
            topTracks,
            agreements,
            indicatorFacts,
            engagements,
            [.. plans.Select(p => new PlanFacts(Draft(p.Title), p.SignedOn,
                [.. documents.FirstOrDefault(d => d.Id == p.DocumentId)?.Signatories.OrderBy(s => PartyOrder(s.PartyId)).Select(Named) ?? []]))],
            next,
            proper,
            gender,
            Draft(session.Theme, optional: true));
    }

    /// <summary>
    /// The day by which a statement of <paramref name="session"/> takes things as true: the closing
    /// meeting, else the session's end, start or year (their last day when only partly known); none
    /// (everything so far) for a session not concluded.
    /// </summary>
    public static DateOnly? AsOf(Session session, Meeting? closing, bool whateverTheStatus = false)
    {
        if (session.Status != SessionStatus.Concluded && !whateverTheStatus)
        {
            return null;
        }

        // The closing meeting's day, else the later of the last meeting and the stated end.
        var ends = Latest(session.EndsOn);
        var last = closing?.Date?.AsDate;
        return closing?.Kind == MeetingKind.Closing && last is not null ? last
            : (last, ends) switch
            {
                ({ } a, { } b) => a > b ? a : b,
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => Latest(session.StartsOn) ?? (session.Year is { } year ? new DateOnly(year, 12, 31) : null),
            };
    }

    /// <summary>
    /// A text for a draft statement: a translation still pending shows the written language's text in
    /// brackets where it goes, for whoever edits the draft to translate (approval needs both languages).
    /// </summary>
    private static BilingualText Draft(BilingualText text) => text.Pending switch
    {
        "ar" => text with { Ar = JointStatement.Untranslated(text.En) },
        "en" => text with { En = JointStatement.Untranslated(text.Ar) },
        _ => text,
    };

    private static BilingualText? Draft(BilingualText? text, bool optional) => text is null ? null : Draft(text);

    /// <summary>A person's honorifics in order, each marked when its translation is still to come ("Ambassador ⟦الدكتور⟧").</summary>
    private static BilingualText? Honorifics(Person? person)
    {
        var each = (person?.Honorifics ?? []).OrderBy(h => h.Position).Select(h => Draft(h.Text)).ToList();
        return each.Count == 0 ? null : new BilingualText(string.Join(' ', each.Select(h => h.Ar)), string.Join(' ', each.Select(h => h.En)));
    }

    /// <summary>The day the previous session's statement takes things as true by, when that session is concluded.</summary>
    private static async Task<DateOnly?> PreviousEndAsync(AppDbContext db, Session session, CancellationToken ct)
    {
        var previous = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == session.JointBodyId && s.Number < session.Number)
            .OrderByDescending(s => s.Number).FirstOrDefaultAsync(ct);
        if (previous is null)
        {
            return null;
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.SessionId == previous.Id && m.Visibility == Visibility.Joint).ToListAsync(ct);
        var closing = meetings.FirstOrDefault(m => m.Kind == MeetingKind.Closing) ?? meetings.Where(m => m.Date?.AsDate is not null).OrderByDescending(m => m.Date!.AsDate).FirstOrDefault();
        return AsOf(previous, closing, whateverTheStatus: true);
    }

    /// <summary>
    /// Whether an agreement's event had happened for the statement of <paramref name="session"/>: one
    /// at a session counts for that session and later ones; a dated one counts from its last possible
    /// day (signed "in 2023" is not known to be signed at a session of October 2023); one of unknown time from the day the agreement was recorded (<paramref name="recorded"/>),
    /// so that what is entered during a session is of it, and what is entered later of no past session.
    /// </summary>
    public static bool Counts(AgreementEvent e, Session session, DateOnly? asOf, IReadOnlyDictionary<Guid, int> numbers, DateOnly recorded)
    {
        if (e.SessionId is { } at && numbers.TryGetValue(at, out var number))
        {
            return number <= session.Number;
        }

        if (e.On is { } on && Latest(on) is { } day)
        {
            return asOf is null || day <= asOf.Value;
        }

        return asOf is null || recorded <= asOf.Value;
    }

    private static DateOnly? Earliest(PartialDate? d) => d?.FirstDay;

    private static DateOnly? Latest(PartialDate? d) => d?.LastDay;
}
