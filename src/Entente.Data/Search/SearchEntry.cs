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

    /// <summary>
    /// The joint body, or <see cref="Guid.Empty"/> for what belongs to none (people, parties, institutions):
    /// never null, so that PostgreSQL's index holds it beside the terms and a search reads only the bodies
    /// its reader belongs to. Who may see an entry is still decided by the context's rules.
    /// </summary>
    public Guid ScopeId { get; set; }

    public Guid? TrackId { get; set; }

    public Visibility Visibility { get; set; }

    public Guid? OwnerPartyId { get; set; }

    /// <summary>The first day the record is about (a session's first day, an item's due date, 1 January of an agreement signed "in 2019"), for <c>from</c> and <c>to</c>.</summary>
    public DateOnly? Date { get; set; }

    /// <summary>The last day it may be about (31 December of a year known alone); <see cref="Date"/> for a known day.</summary>
    public DateOnly? DateEnd { get; set; }

    /// <summary>How much of <see cref="Date"/> is known: 3 a day, 2 a month, 1 a year alone; what is shown of it.</summary>
    public int DateParts { get; set; }

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
