using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.Web.Features.Parties;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Tracks;

/// <summary>The track pages: the areas of cooperation, their sub-topics and lead institutions.</summary>
public sealed class TrackPages : RecordPageSpec<TracksHandler, Track, TrackRequest, TrackResponse>
{
    public override string Kind => "tracks";

    public override IReadOnlyList<RelatedList> Related { get; } =
    [
        new("action-items", "trackId"),
        new("agreements", "trackId"),
        new("obstacles", "trackId"),
        new("indicators", "trackId"),
        new("engagements", "trackId"),
        new("session-points", "trackId"),
    ];


    public override bool HasVisibility => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("name", "ui.field.name", FieldKind.Title) { InList = true },
        new("area", "ui.field.area", FieldKind.Enum) { EnumType = typeof(TrackArea), InList = true, Filter = "area" },
        new("parentTrackId", "ui.field.parent-track", FieldKind.Reference) { Choices = TrackChoices.Source },
        new("description", "ui.field.description", FieldKind.Prose),
        new("leadInstitutionIds", "ui.field.leads", FieldKind.References)
        {
            Choices = InstitutionChoices.Source,
            Read = track => new JsonArray([.. (track["leads"]?.AsArray() ?? []).Select(l => l?["institutionId"]?.DeepClone())]),
        },
    ];

    protected override Task<PageOf<TrackResponse>> ListAsync(TracksHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, null, TextOf(filters, "area"), paging, ct);
}
