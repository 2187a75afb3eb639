using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Sources;

/// <summary>The source pages: the releases, minutes and reports the records cite.</summary>
public sealed class SourcePages : RecordPageSpec<SourcesHandler, Source, SourceRequest, SourceResponse>
{
    public override string Kind => "sources";


    public override bool HasVisibility => false;

    public override IReadOnlyList<FieldSpec> Fields { get; } =
    [
        new("title", "ui.field.title", FieldKind.Title) { InList = true },
        new("kind", "ui.field.kind", FieldKind.Enum) { EnumType = typeof(SourceKind), InList = true },
        new("publisher", "ui.field.publisher", FieldKind.Plain) { InList = true },
        new("publishedOn", "ui.field.published-on", FieldKind.PartialDate) { InList = true },
        new("language", "ui.field.language", FieldKind.Plain),
        new("url", "ui.field.url", FieldKind.Plain),
        new("byline", "ui.field.byline", FieldKind.Plain),
        new("isOfficial", "ui.field.is-official", FieldKind.Flag) { MayBeUnknown = true },
        new("isTruncated", "ui.field.is-truncated", FieldKind.Flag),
    ];

    protected override Task<PageOf<SourceResponse>> ListAsync(SourcesHandler handler, Guid bodyId, IReadOnlyDictionary<string, string?> filters, Paging paging, CancellationToken ct) =>
        handler.ListAsync(bodyId, paging, ct);
}
