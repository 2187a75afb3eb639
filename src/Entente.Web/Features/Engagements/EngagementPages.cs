using Entente.Domain;
using Entente.Web.Features.Parties;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Engagements;

/// <summary>The engagement pages: workshops, visits, training and programmes between sessions.</summary>
public sealed class EngagementPages : RecordPageSpec<EngagementsHandler, Engagement, EngagementRequest, EngagementResponse>
{
    public override string Kind => "engagements";


    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(EngagementKind), InList = true, Filter = "kind" },
        new("kindLabel", "ui.field.kind-label", FieldKind.Title),
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(EngagementStatus), InList = true, Filter = "status" },
        new("format", "ui.field.format", FieldKind.Enum) { EnumType = typeof(EngagementFormat), Filter = "format" },
        new("startsOn", "ui.field.starts-on", FieldKind.PartialDate) { InList = true },
        new("endsOn", "ui.field.ends-on", FieldKind.PartialDate),
        new("trackId", "ui.field.track", FieldKind.Reference) { Choices = TrackChoices.Source, Filter = "trackId" },
        new("sessionId", "ui.field.session", FieldKind.Reference) { Choices = SessionChoices.Source },
        new("place", "ui.field.place", FieldKind.Title),
        new("description", "ui.field.description", FieldKind.Prose),
        new("organiserInstitutionIds", "ui.field.organisers", FieldKind.References) { Choices = InstitutionChoices.Source },
    ];

    protected override Task<PageOf<EngagementResponse>> ListAsync(EngagementsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "trackId"), null, TextOf(filters, "kind"), TextOf(filters, "format"), TextOf(filters, "status"), null, paging, ct);
}
