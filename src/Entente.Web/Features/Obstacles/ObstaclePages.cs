using Entente.Domain;
using Entente.Web.Features.ActionItems;
using Entente.Web.Features.Agreements;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Obstacles;

/// <summary>The obstacle pages: what stands in the way of an item or an agreement, until it is removed.</summary>
public sealed class ObstaclePages : RecordPageSpec<ObstaclesHandler, Obstacle, ObstacleRequest, ObstacleResponse>
{
    public override string Kind => "obstacles";


    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("status", "ui.field.status", FieldKind.Enum) { EnumType = typeof(ObstacleStatus), InList = true, Filter = "status" },
        new("trackId", "ui.field.track", FieldKind.Reference) { Choices = TrackChoices.Source, InList = true, Filter = "trackId" },
        new("description", "ui.field.description", FieldKind.Prose),
        new("actionItemId", "ui.field.action-item", FieldKind.Reference) { Choices = ActionItemChoices.Source },
        new("agreementId", "ui.field.agreement", FieldKind.Reference) { Choices = AgreementChoices.Source },
        new("raisedByPartyId", "ui.field.raised-by", FieldKind.Reference) { Choices = BodyChoices.PartiesSource },
        new("raisedOn", "ui.field.raised-on", FieldKind.Date),
        new("resolution", "ui.field.resolution", FieldKind.Prose),
        new("resolvedOn", "ui.field.resolved-on", FieldKind.Date),
    ];

    protected override Task<PageOf<ObstacleResponse>> ListAsync(ObstaclesHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "trackId"), null, null, TextOf(filters, "status"), null, paging, ct);
}
