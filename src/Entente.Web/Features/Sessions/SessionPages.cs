using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Sessions;

/// <summary>The session pages: number, period, place, status and the co-chairs with their titles.</summary>
public sealed class SessionPages : RecordPageSpec<SessionsHandler, Session, SessionRequest, SessionResponse>
{
    public override string Kind => "sessions";


    public override bool HasVisibility => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("number", "ui.field.number", FieldKind.Number) { InList = true },
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(SessionStatus), InList = true, Filter = "status" },
        new("startsOn", "ui.field.starts-on", FieldKind.PartialDate) { InList = true },
        new("endsOn", "ui.field.ends-on", FieldKind.PartialDate),
        new("year", "ui.field.year", FieldKind.Number),
        new("placeKind", "ui.field.place-kind", FieldKind.Enum) { EnumType = typeof(PlaceKind), InList = true },
        new("placeName", "ui.field.place", FieldKind.Title),
        new("reopenReason", "ui.field.reopen-reason", FieldKind.Plain),
        new("coChairs", "ui.field.co-chairs", FieldKind.PeopleInRoles) { Choices = ChoiceSource.People },
    ];

    protected override Task<PageOf<SessionResponse>> ListAsync(SessionsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, TextOf(filters, "status"), null, paging, ct);
}
