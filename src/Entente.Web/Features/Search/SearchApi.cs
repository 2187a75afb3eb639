using System.Globalization;
using Entente.Data;
using Entente.Data.Search;
using Entente.Domain;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Search;

/// <summary>One hit of a search.</summary>
/// <param name="Kind">What it is (<c>actionItem</c>, <c>progressUpdate</c>, <c>session</c>, <c>person</c>…).</param>
/// <param name="Id">The record found.</param>
/// <param name="ParentId">The record it is part of, when it is (a progress update's item, a claim's source, a note's record).</param>
/// <param name="Snippet">The passage that holds most of the query's words, the words marked, in the reader's language when it has them.</param>
/// <param name="Date">The day, month or year it is about (a session's start, an item's due date, an agreement's signature), as much as is known.</param>
/// <param name="Href">The page that shows it.</param>
/// <param name="EveryWord">False when it holds only some of the query's words (shown when those with every word are too few).</param>
public sealed record SearchHitResponse(
    string Kind,
    Guid Id,
    Guid? ParentId,
    Guid? JointBodyId,
    Guid? TrackId,
    DateDto? Date,
    TextDto Title,
    IReadOnlyList<SnippetPart> Snippet,
    string Href,
    bool EveryWord);

/// <summary>Counts of the hits per kind and per joint body, for the filters.</summary>
public sealed record SearchFacets(IReadOnlyDictionary<string, int> Kinds, IReadOnlyDictionary<Guid, int> JointBodies);

/// <summary>
/// A page of hits, ranked by relevance; <c>total</c> and the facets count every hit the reader may see. Scores
/// are not given: a score weighed by counts over the whole index could tell of records the reader may not see (ADR 0011).
/// </summary>
/// <param name="EveryWord">True when every hit holds every word of the query.</param>
/// <param name="NearSpellings">True when no record holds the words as typed and the hits hold words spelt near them ("ransomeware" found as ransomware).</param>
public sealed record SearchResponse(string Q, IReadOnlyList<SearchHitResponse> Items, int Total, int Page, int PageSize, SearchFacets Facets, bool EveryWord, bool NearSpellings);

/// <summary>Search over everything the reader may see (ADR 0011).</summary>
public sealed class SearchHandler(AppDbContext db)
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 50;

    /// <summary>
    /// Checks the parameters (a bad one is a 400 naming it) and runs the query through the reader's data context.
    /// </summary>
    /// <param name="type">Kinds to keep, separated by commas (<c>actionItem,agreement</c>).</param>
    /// <param name="asTyped">The last word may be the start of a longer one, as when results follow what is being typed.</param>
    public async Task<SearchResponse> SearchAsync(string? q, string? type, Guid? jointBodyId, Guid? trackId, string? from, string? to, int? page, int? pageSize, bool asTyped, CancellationToken ct)
    {
        var checks = new Checks();
        var text = q?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            checks.Add(new RuleError(RuleCodes.Required, "q", "'q' is the words to search for."));
        }
        else if (text.Length > SearchQuery.MaxLength || SearchAnalysis.Prepare(text).Length > SearchQuery.MaxLength)
        {
            checks.Add(new RuleError(RuleCodes.TooLong, "q", $"'q' is at most {SearchQuery.MaxLength} characters.", SearchQuery.MaxLength));
        }
        else
        {
            foreach (var error in TextRules.Check(text, "q"))
            {
                checks.Add(error);
            }
        }

        var kinds = new List<string>();
        foreach (var kind in (type ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (SearchIndexing.AllKinds.FirstOrDefault(k => string.Equals(k, kind, StringComparison.OrdinalIgnoreCase) || string.Equals(Kebab(k), kind, StringComparison.OrdinalIgnoreCase)) is { } known)
            {
                kinds.Add(known);
            }
            else
            {
                checks.Add(new RuleError(RuleCodes.OutOfRange, "type", $"'type' is one or more of {string.Join(", ", SearchIndexing.AllKinds)}, separated by commas; '{kind}' is none of them."));
            }
        }

        checks.ThrowIfAny();
        var fromDay = Filters.Date(from, "from");
        var toDay = Filters.Date(to, "to");
        if (fromDay > toDay)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "to", "'to' is on or after 'from'.")]));
        }

        var paging = Paging.From(page, pageSize ?? DefaultPageSize);
        if (paging.PageSize > MaxPageSize)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "pageSize", $"'pageSize' of a search is between 1 and {MaxPageSize}.", 1, MaxPageSize)]));
        }

        var query = SearchQuery.Parse(q, asTyped);
        Filters.CheckWords(query);
        var result = await SearchReader.RunAsync(db, query, new SearchScope(kinds, jointBodyId, trackId, fromDay, toDay), paging.Skip, paging.PageSize, ct);
        var arabic = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar";
        var items = result.Hits.Select(h => Hit(h, query, arabic)).ToList();
        return new SearchResponse(text, items, result.Total, paging.Page, paging.PageSize, new SearchFacets(result.Kinds, result.Bodies), result.EveryWord, result.NearSpellings);
    }

    private static SearchHitResponse Hit(SearchHit hit, SearchQuery query, bool arabic)
    {
        var e = hit.Entry;
        var (first, second) = arabic ? (e.TextAr, e.TextEn) : (e.TextEn, e.TextAr);
        IReadOnlyList<SnippetPart>? Cut(string text) => SearchSnippets.Cut(text, query.Terms, SearchSnippets.Length, query.Prefixes);
        var snippet = Cut(first) ?? Cut(second) ?? Cut(arabic ? e.TitleAr : e.TitleEn) ?? Cut(arabic ? e.TitleEn : e.TitleAr)
            ?? [new SnippetPart(Shorten(first.Length > 0 ? first : second), false)];
        var date = e.Date is { } d && e.DateParts > 0 ? new DateDto(d.Year, e.DateParts >= 2 ? d.Month : null, e.DateParts == 3 ? d.Day : null) : null;
        return new SearchHitResponse(e.Kind, e.RecordId, e.ParentId, e.JointBodyId, e.TrackId, date, new TextDto(e.TitleAr, e.TitleEn), snippet, Href(e), hit.HasEveryWord);
    }

    private static string Shorten(string text) => text.Length <= SearchSnippets.Length ? text.Trim() : text[..SearchSnippets.Length].Trim() + "…";

    /// <summary>The page that shows a hit.</summary>
    public static string Href(SearchEntry e) => e.Kind switch
    {
        "jointBody" => $"/bodies/{e.RecordId}",
        "actionItem" => $"/action-items/{e.RecordId}",
        "progressUpdate" => $"/action-items/{e.ParentId}",
        "agendaItem" => $"/agenda-items/{e.RecordId}",
        "statement" => $"/statements/{e.RecordId}",
        "note" => $"/bodies/{e.JointBodyId}/notes",
        "claim" => $"/sources/{e.ParentId}",
        "person" => $"/people/edit/{e.RecordId}",
        "institution" or "party" => "/parties",
        _ => $"/{Kebab(e.Kind)}s/{e.RecordId}",
    };

    /// <summary><c>sessionPoint</c> as a route writes it: <c>session-point</c>.</summary>
    public static string Kebab(string kind) => string.Concat(kind.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : c.ToString()));
}

public static class SearchApi
{
    public static void MapSearchApi(this IEndpointRouteBuilder app)
    {
        var search = app.MapApiGroup("/api/search", "Search", cacheReads: false);
        // prefix=true: the last word may be the start of a longer one (results as one types).
        search.MapGet("/", (string? q, string? type, Guid? jointBodyId, Guid? trackId, string? from, string? to, bool? prefix, int? page, int? pageSize, SearchHandler h, CancellationToken ct) =>
            h.SearchAsync(q, type, jointBodyId, trackId, from, to, page, pageSize, prefix == true, ct));
    }
}
