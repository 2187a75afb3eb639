using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Meetings;

public sealed record MeetingRequest(
    Guid? SessionId,
    string? Kind,
    TextDto? Title,
    DateDto? Date,
    string? Format,
    TextDto? Place,
    TextDto? Agenda,
    TextDto? Minutes,
    PersonRoleRequest?[]? Participants,
    string? Visibility,
    Guid? OwnerPartyId,
    string? StartsAt = null,
    string? EndsAt = null,
    string? TimeZone = null);

public sealed record MeetingResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid SessionId,
    MeetingKind Kind,
    TextDto Title,
    DateDto? Date,
    MeetingFormat? Format,
    TextDto? Place,
    TextDto? Agenda,
    TextDto? Minutes,
    IReadOnlyList<PersonRoleResponse> Participants,
    Visibility Visibility,
    Guid? OwnerPartyId,
    TimeOnly? StartsAt = null,
    TimeOnly? EndsAt = null,
    string? TimeZone = null) : IVersioned;

/// <summary>Meetings within sessions: date, format, chairs and attendees, agenda and minutes.</summary>
public sealed class MeetingsHandler(AppDbContext db) : RecordHandler<Meeting, MeetingRequest, MeetingResponse>(db, "meeting")
{
    private static readonly Expression<Func<Meeting, MeetingResponse>> AsResponse = m => new MeetingResponse(
        m.Id,
        m.Version,
        m.JointBodyId,
        m.SessionId,
        m.Kind,
        new TextDto(m.Title.Ar, m.Title.En),
        DateDto.Of(m.Date),
        m.Format,
        m.Place == null ? null : new TextDto(m.Place.Ar, m.Place.En),
        m.Agenda == null ? null : new TextDto(m.Agenda.Ar, m.Agenda.En),
        m.Minutes == null ? null : new TextDto(m.Minutes.Ar, m.Minutes.En),
        m.Participants.OrderBy(p => p.Role).ThenBy(p => p.PartyId).Select(p => new PersonRoleResponse(
            p.PersonId,
            p.PartyId,
            new TextDto(
                p.Person!.Names.Where(n => n.Language == "ar" && n.IsPreferred).Select(n => n.Text).FirstOrDefault(),
                p.Person!.Names.Where(n => n.Language == "en" && n.IsPreferred).Select(n => n.Text).FirstOrDefault()),
            new TextDto(p.Title.Ar, p.Title.En),
            Names.Kebab(p.Role),
            null)).ToList(),
        m.Visibility,
        m.OwnerPartyId,
        m.StartsAt,
        m.EndsAt,
        m.TimeZone);

    protected override Expression<Func<Meeting, MeetingResponse>> Projection => AsResponse;

    protected override IQueryable<Meeting> ForUpdate => Db.Meetings.Include(m => m.Participants);

    public Task<PageOf<MeetingResponse>> ListAsync(Guid? jointBodyId, Guid? sessionId, string? format, Paging paging, CancellationToken ct)
    {
        var query = Db.Meetings.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, m => m.JointBodyId == jointBodyId);
        query = query.WhereIf(sessionId is not null, m => m.SessionId == sessionId);

        if (Filters.Enum<MeetingFormat>(format, "format") is { } f)
        {
            query = query.Where(m => m.Format == f);
        }

        return PageAsync(query.OrderBy(m => m.Date).ThenBy(m => m.Id), paging, ct);
    }

    protected override Meeting New() => new Meeting { Title = new BilingualText(string.Empty, string.Empty) };

    protected override async Task ApplyAsync(Meeting meeting, MeetingRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        var (sessionId, session) = await SessionGuard.ReadAsync(Db, checks, request.SessionId, isNew ? null : meeting.SessionId, "A meeting", ct);
        var parties = session is null ? [] : await refs.BodyPartiesAsync(session.JointBodyId, "sessionId", ct);
        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : meeting);
        var participants = await PersonRoles.ReadAsync(request.Participants, "participants", checks, refs, parties, PersonRoleFields.Role, null, (r, person, party, title, i) =>
            new MeetingParticipant
            {
                MeetingId = meeting.Id,
                PersonId = person,
                PartyId = party,
                Title = title,
                Role = checks.Enum<MeetingRole>(r.Role, $"participants[{i}].role") ?? MeetingRole.Attendee,
            }, ct);
        var candidate = new Meeting
        {
            Kind = checks.Enum<MeetingKind>(request.Kind, "kind") ?? MeetingKind.Plenary,
            Title = checks.Text(request.Title, "title"),
            Date = checks.Date(request.Date, "date"),
            Format = checks.Enum<MeetingFormat>(request.Format, "format"),
            Place = checks.OptionalText(request.Place, "place", BilingualText.MaxTitleLength),
            Agenda = checks.OptionalText(request.Agenda, "agenda"),
            Minutes = checks.OptionalText(request.Minutes, "minutes"),
            StartsAt = RecordForm.ParseTime(request.StartsAt, "startsAt", checks),
            EndsAt = RecordForm.ParseTime(request.EndsAt, "endsAt", checks),
            TimeZone = string.IsNullOrWhiteSpace(request.TimeZone) ? null : request.TimeZone.Trim(),
        };
        if (checks.Ok)
        {
            // The time of day's own rules: a whole date, a start before the end, and the zone its clock is in.
            checks.AddRange(candidate.Check().Where(e => e.Field is "startsAt" or "endsAt" or "timeZone" || (e.Field == "date" && e.Code == RuleCodes.Required)));
        }

        checks.ThrowIfAny();

        meeting.SessionId = sessionId;
        meeting.JointBodyId = session!.JointBodyId;
        meeting.SetVisibility(visibility, owner);
        meeting.Kind = candidate.Kind;
        meeting.Title = candidate.Title;
        meeting.Date = candidate.Date;
        meeting.Format = candidate.Format;
        meeting.Place = candidate.Place;
        meeting.Agenda = candidate.Agenda;
        meeting.Minutes = candidate.Minutes;
        meeting.StartsAt = candidate.StartsAt;
        meeting.EndsAt = candidate.EndsAt;
        meeting.TimeZone = candidate.TimeZone;
        meeting.Participants.SyncWith(participants, p => (p.PartyId, p.PersonId), (existing, wanted) => (existing.Title, existing.Role) = (wanted.Title, wanted.Role));
    }
}

public static class MeetingsApi
{
    public static void MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/meetings", "Meetings");
        group.MapGet("/", (Guid? jointBodyId, Guid? sessionId, string? format, string? q, int? page, int? pageSize, string? sort, MeetingsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, sessionId, format, Paging.From(page, pageSize, sort, q), ct));
        group.MapRecordRoutes<MeetingsHandler, Meeting, MeetingRequest, MeetingResponse>();
        group.MapGet("/{id:guid}/calendar", async (Guid id, MeetingCalendar calendar, CancellationToken ct) =>
        {
            var (text, file) = await calendar.ExportAsync(id, ct);
            return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(text), MeetingCalendar.MediaType + "; charset=utf-8", file);
        });
    }
}
