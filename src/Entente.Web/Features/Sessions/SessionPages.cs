using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Sessions;

/// <summary>The session pages: number, period, place, status and the co-chairs with their titles.</summary>
public sealed class SessionPages : RecordPageSpec<SessionsHandler, Session, SessionRequest, SessionResponse>
{
    public override string Kind => "sessions";

    public override string? HeadingFormat => "ui.session.numbered";

    public override IEnumerable<RecordLink> Links(JsonObject record, string language)
    {
        var id = record["id"]!.GetValue<string>();
        yield return new($"/sessions/{id}/agenda", "ui.session.agenda", "agenda");
        yield return new($"/sessions/{id}/statement", "ui.session.statement", "statement");
    }

    /// <summary>
    /// The session's own links, then the sessions before and after it; proposing the next session is offered
    /// on a concluded session while there is no next one yet, and carrying open items into it once there is,
    /// while items of its plans the reader sees are still open and not carried.
    /// </summary>
    public override async Task<IReadOnlyList<RecordLink>> LinksAsync(IServiceProvider services, JsonObject record, string language, CancellationToken ct)
    {
        var links = Links(record, language).ToList();
        var id = Guid.Parse(record["id"]!.GetValue<string>());
        var body = Guid.Parse(record["jointBodyId"]!.GetValue<string>());
        var number = record["number"]!.GetValue<int>();
        var db = services.GetRequiredService<Entente.Data.AppDbContext>();
        var around = await db.Sessions.AsNoTracking().Where(s => s.JointBodyId == body && (s.Number == number - 1 || s.Number == number + 1))
            .Select(s => new { s.Id, s.Number }).ToListAsync(ct);
        if (around.FirstOrDefault(s => s.Number == number - 1) is { } previous)
        {
            links.Add(new($"/sessions/{previous.Id}", "ui.session.previous", "previous-session"));
        }

        var next = around.FirstOrDefault(s => s.Number == number + 1);
        if (next is not null)
        {
            links.Add(new($"/sessions/{next.Id}", "ui.session.next", "next-session"));
        }

        if (record["status"]?.GetValue<string>() == "concluded")
        {
            var plans = db.ActionPlans.Where(p => p.SessionId == id).Select(p => (Guid?)p.Id);
            var carried = db.ActionItems.Where(i => i.CarriedFromId != null).Select(i => i.CarriedFromId);
            var open = await db.ActionItems.AsNoTracking().AnyAsync(i => plans.Contains(i.ActionPlanId) && !carried.Contains(i.Id)
                && (i.Status == ActionItemStatus.NotStarted || i.Status == ActionItemStatus.InProgress || i.Status == ActionItemStatus.Blocked), ct);
            if (next is null)
            {
                links.Add(new($"/sessions/{id}/next", "ui.session.propose-next", "propose-next"));
            }
            else if (open)
            {
                links.Add(new($"/sessions/{id}/next", "ui.session.carry-open", "carry-open"));
            }
        }

        return links;
    }

    public override IReadOnlyList<RelatedList> Related { get; } =
    [
        new("meetings", "sessionId"),
        new("action-plans", "sessionId"),
        new("action-items", "sessionId"),
        new("session-points", "sessionId"),
        new("documents", "sessionId"),
    ];


    public override bool HasVisibility => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("number", "ui.field.number", FieldKind.Number) { InList = true },
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(SessionStatus), InList = true, Filter = "status" },
        new("startsOn", "ui.field.starts-on", FieldKind.PartialDate) { InList = true },
        new("endsOn", "ui.field.ends-on", FieldKind.PartialDate),
        new("year", "ui.field.year", FieldKind.Number),
        new("yearInferred", "ui.field.year-inferred", FieldKind.Flag),
        new("placeKind", "ui.field.place-kind", FieldKind.Enum) { EnumType = typeof(PlaceKind), InList = true },
        new("placeName", "ui.field.place", FieldKind.Title),
        new("hostPartyId", "ui.field.host-party", FieldKind.Reference) { Choices = BodyChoices.PartiesSource },
        new("theme", "ui.field.theme", FieldKind.Title),
        new("nextPlaceKind", "ui.field.next-place-kind", FieldKind.Enum) { EnumType = typeof(PlaceKind) },
        new("nextPlaceName", "ui.field.next-place-name", FieldKind.Title),
        new("nextStartsOn", "ui.field.next-starts-on", FieldKind.PartialDate),
        new("reopenReason", "ui.field.reopen-reason", FieldKind.Plain),
        new("coChairs", "ui.field.co-chairs", FieldKind.PeopleInRoles) { Choices = PersonChoices.Source },
    ];

    protected override Task<PageOf<SessionResponse>> ListAsync(SessionsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, TextOf(filters, "status"), null, paging, ct);
}
