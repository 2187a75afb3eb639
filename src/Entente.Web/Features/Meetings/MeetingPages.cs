using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.People;
using Entente.Web.Features.Sessions;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Meetings;

/// <summary>The meeting pages: the plenary, working-group and closing meetings of a session (participants are kept as recorded).</summary>
public sealed class MeetingPages : RecordPageSpec<MeetingsHandler, Meeting, MeetingRequest, MeetingResponse>
{
    public override string Kind => "meetings";

    public override bool LockedWithItsSession => true;

    public override IEnumerable<RecordLink> Links(JsonObject record, string language)
    {
        var id = record["id"]!.GetValue<string>();
        if (record["sessionId"]?.GetValue<string>() is { } session)
        {
            yield return new($"/sessions/{session}/agenda?meeting={id}", "ui.session.agenda", "meeting-agenda");
        }

        if (record["date"]?["day"] is not null)
        {
            yield return new($"/meetings/{id}/calendar", "ui.meeting.calendar", "calendar");
        }
    }


    public override bool TakesBodyId => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("sessionId", "ui.field.session", FieldKind.Reference) { Choices = SessionChoices.Source, InList = true, Filter = "sessionId" },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(MeetingKind), InList = true },
        new("format", "ui.field.format", FieldKind.Enum) { EnumType = typeof(MeetingFormat), InList = true, Filter = "format" },
        new("date", "ui.field.date", FieldKind.PartialDate) { InList = true },
        new("startsAt", "ui.field.starts-at", FieldKind.Time),
        new("endsAt", "ui.field.ends-at", FieldKind.Time),
        new("timeZone", "ui.field.time-zone", FieldKind.TimeZone),
        new("place", "ui.field.place", FieldKind.Title),
        new("agenda", "ui.field.agenda", FieldKind.Prose),
        new("minutes", "ui.field.minutes", FieldKind.Prose),
        new("participants", "ui.field.participants", FieldKind.PeopleInRoles) { Choices = PersonChoices.Source, Slots = 4 },
    ];

    protected override Task<PageOf<MeetingResponse>> ListAsync(MeetingsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "sessionId"), TextOf(filters, "format"), paging, ct);
}
