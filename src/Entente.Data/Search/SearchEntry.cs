using Entente.Domain;

namespace Entente.Data.Search;

/// <summary>
/// One thing a reader may find (a record, a progress update of an item, a claim), as search holds it: the
/// scope that decides who sees it (the same as its record's), its title and text for snippets, and the
/// terms the analysis made of them, which the database's full-text index (SQLite FTS5, PostgreSQL GIN)
/// is built on. Entries are made again, in the same transaction, whenever their record is saved (ADR 0011).
/// </summary>
public sealed class SearchEntry
{
    /// <summary>The full-text index's row id (an integer, as FTS5 needs).</summary>
    public long Id { get; set; }

    /// <summary>What it is, as the API names it (<c>actionItem</c>, <c>progressUpdate</c>, <c>session</c>…).</summary>
    public required string Kind { get; set; }

    /// <summary>The record found.</summary>
    public Guid RecordId { get; set; }

    /// <summary>The record whose save makes this entry (an item for its progress updates); the record itself otherwise.</summary>
    public Guid RootId { get; set; }

    /// <summary>The record a hit leads to when it is part of another (a progress update's item, a claim's source, a note's record).</summary>
    public Guid? ParentId { get; set; }

    public Guid? JointBodyId { get; set; }

    public Guid? TrackId { get; set; }

    public Visibility Visibility { get; set; }

    public Guid? OwnerPartyId { get; set; }

    /// <summary>The day the record is about (a session's first day, an item's due date), for <c>from</c> and <c>to</c>.</summary>
    public DateOnly? Date { get; set; }

    public string TitleAr { get; set; } = string.Empty;

    public string TitleEn { get; set; } = string.Empty;

    /// <summary>The Arabic text snippets are cut from.</summary>
    public string TextAr { get; set; } = string.Empty;

    /// <summary>The English (and other Latin-script) text snippets are cut from.</summary>
    public string TextEn { get; set; } = string.Empty;

    /// <summary>The title's terms (<see cref="SearchAnalysis.IndexTerms"/>), ranked above the text's.</summary>
    public string TitleTerms { get; set; } = string.Empty;

    public string BodyTerms { get; set; } = string.Empty;

    /// <summary>The <see cref="SearchAnalysis.Version"/> that made the terms.</summary>
    public int AnalysisVersion { get; set; }
}
