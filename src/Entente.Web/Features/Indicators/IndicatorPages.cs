using Entente.Domain;
using Entente.Web.Features.Tracks;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Indicators;

/// <summary>The indicator pages: name, unit, track and the figures by period (a source and report date stay with an unchanged period).</summary>
public sealed class IndicatorPages : RecordPageSpec<IndicatorsHandler, Indicator, IndicatorRequest, IndicatorResponse>
{
    public override string Kind => "indicators";

    public override string? DetailsPartial => "/Features/Indicators/_Figures.cshtml";


    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("name", "ui.field.name", FieldKind.Title) { InList = true },
        new("trackId", "ui.field.track", FieldKind.Reference) { Choices = TrackChoices.Source, InList = true, Filter = "trackId" },
        new("unit", "ui.field.unit", FieldKind.Plain) { InList = true },
        new("isCurrency", "ui.field.is-currency", FieldKind.Flag),
        new("values", "ui.field.values", FieldKind.Values) { Slots = 24 },
    ];

    protected override Task<PageOf<IndicatorResponse>> ListAsync(IndicatorsHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, IdOf(filters, "trackId"), paging, ct);
}
