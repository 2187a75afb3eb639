using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Sessions;

/// <summary>The session pages: number, period, place, status and the co-chairs with their titles.</summary>
public sealed class SessionPages : RecordPageSpec<SessionsHandler, Session, SessionRequest, SessionResponse>
{
    public override string Kind => "sessions";

    public override string? HeadingFormat => "ui.session.numbered";

    public override IEnumerable<RecordLink> Links(JsonObject record, string language)
    {
        var id = record["id"]!.GetValue<string>();
        if (record["status"]?.GetValue<string>() == "concluded")
        {
            yield return new($"/sessions/{id}/next", "ui.session.propose-next", "propose-next");
        }

        yield return new($"/bodies/{record["jointBodyId"]!.GetValue<string>()}/session-points?sessionId={id}", "ui.session.points", "points");
        yield return new($"/sessions/{id}/agenda", "ui.session.agenda", "agenda");
        yield return new($"/sessions/{id}/statement", "ui.session.statement", "statement");
    }


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
