using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

/// <summary>A person in a role, as a statement names them.</summary>
public sealed record NamedPerson(BilingualText Name, BilingualText? Honorific, BilingualText Title, BilingualText Party);

public sealed record TrackFacts(BilingualText Name, BilingualText? Description, IReadOnlyList<TrackFacts> SubTracks);

public sealed record AgreementFacts(BilingualText Title, AgreementStatus Status);

public sealed record IndicatorFacts(BilingualText Name, decimal Value, string Unit, bool IsCurrency, DateOnly PeriodStart, DateOnly PeriodEnd, string? Source, PartialDate? SourceDate);

public sealed record EngagementFacts(BilingualText Title, EngagementStatus Status, PartialDate? StartsOn);

public sealed record PlanFacts(BilingualText Title, PartialDate? SignedOn, IReadOnlyList<NamedPerson> Signatories);

public sealed record NextSessionFacts(int Number, PlaceKind PlaceKind, BilingualText? PlaceName, PartialDate? StartsOn);

/// <summary>
/// What a session's joint statement draws on, read from the records: the body and its parties,
/// the session and its closing meeting, the co-chairs with their titles, the tracks with their
/// substance, agreements, indicators, engagements, the signed plan and the next session. Only
/// joint records are read: a statement is published by both sides and never carries a national one.
/// </summary>
public sealed record SessionFacts(
    BilingualText Body,
    int? RelationsSince,
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
    IReadOnlyList<TrackFacts> Tracks,
    IReadOnlyList<AgreementFacts> Agreements,
    IReadOnlyList<IndicatorFacts> Indicators,
    IReadOnlyList<EngagementFacts> Engagements,
    IReadOnlyList<PlanFacts> SignedPlans,
    NextSessionFacts? Next,
    IReadOnlySet<string> ProperWords)
{
    /// <summary>The agreements as a statement groups them: signed (to be activated), under negotiation, proposed.</summary>
    public (List<AgreementFacts> Signed, List<AgreementFacts> Negotiating, List<AgreementFacts> Proposed) AgreementsByStage() => (
        [.. Agreements.Where(a => a.Status is AgreementStatus.Signed or AgreementStatus.InForce or AgreementStatus.BeingImplemented)],
        [.. Agreements.Where(a => a.Status is AgreementStatus.UnderNegotiation or AgreementStatus.Agreed)],
        [.. Agreements.Where(a => a.Status == AgreementStatus.Proposed)]);

    /// <summary>The engagements as a statement groups them: to be held, and continuing.</summary>
    public (List<EngagementFacts> Planned, List<EngagementFacts> Ongoing) EngagementsByStage() => (
        [.. Engagements.Where(e => e.Status is EngagementStatus.Planned or EngagementStatus.Proposed or EngagementStatus.Held)],
        [.. Engagements.Where(e => e.Status == EngagementStatus.Ongoing)]);

    public static async Task<SessionFacts> LoadAsync(AppDbContext db, Guid sessionId, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.CoChairs).FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new Infrastructure.ApiErrorException(new Infrastructure.ApiError.NotFound("session", sessionId));
        var body = await db.JointBodies.AsNoTracking().Include(b => b.Members).FirstAsync(b => b.Id == session.JointBodyId, ct);
        var partyIds = body.Members.Select(m => m.PartyId).ToList();
        // Parties in the order the body names them ("Kuwait–UK"), then by code.
        var precedence = body.Members.ToDictionary(m => m.PartyId, m => m.Precedence);
        var parties = (await db.Parties.AsNoTracking().Where(p => partyIds.Contains(p.Id)).ToListAsync(ct))
            .OrderBy(p => precedence[p.Id]).ThenBy(p => p.Code, StringComparer.Ordinal).ToList();
        var partyName = parties.ToDictionary(p => p.Id, p => p.Name);

        var meetings = await db.Meetings.AsNoTracking().Include(m => m.Participants)
            .Where(m => m.SessionId == sessionId && m.Visibility == Visibility.Joint).ToListAsync(ct);
        var meeting = meetings.FirstOrDefault(m => m.Kind == MeetingKind.Closing)
            ?? meetings.Where(m => m.Date is not null).OrderByDescending(m => m.Date!.AsDate).FirstOrDefault();

        var personIds = session.CoChairs.Select(c => c.PersonId).ToList();
        var plans = await db.ActionPlans.AsNoTracking().Where(p => p.SessionId == sessionId && p.Status == ActionPlanStatus.Signed).OrderBy(p => p.PlanVersion).ToListAsync(ct);
        var documentIds = plans.Where(p => p.DocumentId is not null).Select(p => p.DocumentId!.Value).ToList();
        var documents = await db.Documents.AsNoTracking().Include(d => d.Signatories).Where(d => documentIds.Contains(d.Id) && d.Visibility == Visibility.Joint).ToListAsync(ct);
        personIds.AddRange(documents.SelectMany(d => d.Signatories).Select(s => s.PersonId));
        var people = await db.People.AsNoTracking().Include(p => p.Names).Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        NamedPerson Named(PersonInRole role) => new(
            people.TryGetValue(role.PersonId, out var p) ? new BilingualText(p.PreferredName("ar") ?? string.Empty, p.PreferredName("en") ?? string.Empty) : new BilingualText(string.Empty, string.Empty),
            people.GetValueOrDefault(role.PersonId)?.Honorific,
            role.Title,
            partyName.GetValueOrDefault(role.PartyId) ?? new BilingualText(string.Empty, string.Empty));
        int PartyOrder(Guid party) => parties.FindIndex(p => p.Id == party);

        var planIds = await db.ActionPlans.AsNoTracking().Where(p => p.SessionId == sessionId).Select(p => (Guid?)p.Id).ToListAsync(ct);
        var trackIdsOfSession = await db.ActionItems.AsNoTracking().Where(i => planIds.Contains(i.ActionPlanId) && i.Visibility == Visibility.Joint).Select(i => i.TrackId).Distinct().ToListAsync(ct);
        var tracks = await db.Tracks.AsNoTracking().Where(t => t.JointBodyId == body.Id).ToListAsync(ct);
        var used = trackIdsOfSession.Count == 0 ? tracks.Select(t => t.Id).ToHashSet() : trackIdsOfSession.ToHashSet();
        foreach (var t in tracks.Where(t => used.Contains(t.Id) && t.ParentTrackId is not null).ToList())
        {
            used.Add(t.ParentTrackId!.Value);
        }

        TrackFacts Facts(Track t) => new(t.Name, t.Description, [.. tracks.Where(s => s.ParentTrackId == t.Id && used.Contains(s.Id)).OrderBy(s => s.Name.En, StringComparer.Ordinal).Select(Facts)]);
        var topTracks = tracks.Where(t => t.ParentTrackId is null && used.Contains(t.Id)).OrderBy(t => t.Area).ThenBy(t => t.Name.En, StringComparer.Ordinal).Select(Facts).ToList();

        var agreements = await db.Agreements.AsNoTracking().Where(a => a.JointBodyId == body.Id && a.Visibility == Visibility.Joint)
            .OrderBy(a => a.Title.En).Select(a => new AgreementFacts(a.Title, a.Status)).ToListAsync(ct);

        var closing = meeting?.Date?.AsDate ?? session.EndsOn?.AsDate;
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Values).Where(i => i.JointBodyId == body.Id && i.Visibility == Visibility.Joint).ToListAsync(ct);
        var sourceIds = indicators.SelectMany(i => i.Values).Where(v => v.SourceId is not null).Select(v => v.SourceId!.Value).ToList();
        var sources = await db.Sources.AsNoTracking().Where(s => sourceIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
        var indicatorFacts = indicators
            .Select(i => (i, v: i.Values.Where(v => closing is null || v.PeriodEnd <= closing.Value).OrderByDescending(v => v.PeriodEnd).FirstOrDefault()))
            .Where(x => x.v is not null)
            .OrderBy(x => x.i.Name.En, StringComparer.Ordinal)
            .Select(x => new IndicatorFacts(x.i.Name, x.v!.Value, x.i.Unit, x.i.IsCurrency, x.v.PeriodStart, x.v.PeriodEnd,
                x.v.SourceId is { } s && sources.TryGetValue(s, out var source) ? source.Publisher ?? source.Title.En : null,
                x.v.SourceId is { } s2 && sources.TryGetValue(s2, out var source2) ? source2.PublishedOn : null))
            .ToList();

        var engagements = await db.Engagements.AsNoTracking()
            .Where(e => e.JointBodyId == body.Id && e.Visibility == Visibility.Joint && (e.SessionId == sessionId || (e.SessionId == null && e.Status == EngagementStatus.Ongoing)))
            .Where(e => e.Status != EngagementStatus.Cancelled)
            .OrderBy(e => e.Status).ThenBy(e => e.Title.En).Select(e => new EngagementFacts(e.Title, e.Status, e.StartsOn)).ToListAsync(ct);

        var next = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == body.Id && s.Number == session.Number + 1)
            .Select(s => new NextSessionFacts(s.Number, s.PlaceKind, s.PlaceName, s.StartsOn)).FirstOrDefaultAsync(ct);

        var proper = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in parties.Select(p => p.Name.En).Append(body.Name.En))
        {
            foreach (var word in name.Split([' ', '–', '-', ',', '&'], StringSplitOptions.RemoveEmptyEntries).Where(w => char.IsUpper(w[0])))
            {
                proper.Add(word);
                proper.Add(word + "i");
            }
        }

        return new SessionFacts(
            body.Name,
            body.RelationsSince,
            body.HistoryNote,
            [.. parties.Select(p => p.Name)],
            session.Number,
            session.Year,
            session.StartsOn,
            session.EndsOn,
            session.Status,
            meeting?.Date,
            meeting?.Format,
            meeting?.Place,
            [.. session.CoChairs.OrderBy(c => PartyOrder(c.PartyId)).Select(Named)],
            topTracks,
            agreements,
            indicatorFacts,
            engagements,
            [.. plans.Select(p => new PlanFacts(p.Title, p.SignedOn,
                [.. documents.FirstOrDefault(d => d.Id == p.DocumentId)?.Signatories.OrderBy(s => PartyOrder(s.PartyId)).Select(Named) ?? []]))],
            next,
            proper);
    }
}
