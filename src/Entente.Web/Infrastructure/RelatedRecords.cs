namespace Entente.Web.Infrastructure;

/// <summary>
/// A list a record's page shows below its facts: the records of another kind that belong to it (a
/// session's meetings and plans, a track's action items), found by a filter of that kind's own list,
/// so that they are seen exactly as that list shows them to the reader.
/// </summary>
/// <param name="Kind">The kind of the records listed, as its pages name it (<c>meetings</c>, <c>action-items</c>).</param>
/// <param name="Filter">The filter of that kind's list that names this record (<c>sessionId</c>).</param>
public sealed record RelatedList(string Kind, string Filter);

/// <summary>One record of a <see cref="RelatedList"/>: where it is, its title, a word of its state, and whether it is national.</summary>
public sealed record RelatedRow(string Href, string Title, string? Detail, bool National);

/// <summary>The first records of a <see cref="RelatedList"/>, how many there are, and the list with all of them.</summary>
public sealed record RelatedPage(IReadOnlyList<RelatedRow> Rows, int Total, string AllHref);

/// <summary>
/// A kind of record that has its own list pages rather than the generic record pages (action items),
/// listed on other records' pages through this.
/// </summary>
public interface IRelatedSource
{
    string Kind { get; }

    Task<RelatedPage> ListAsync(IServiceProvider services, Guid bodyId, string filter, Guid id, int take, Reader reader, CancellationToken ct);
}
