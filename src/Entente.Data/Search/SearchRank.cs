namespace Entente.Data.Search;

/// <summary>
/// A hit's score from its own terms only, where the database's ranking would weigh a word by how many entries of
/// the whole index hold it (SQLite's <c>bm25</c>): the other party's national entries are among them, and an order
/// that moves with them would tell of records the reader may not see (ADR 0011). Each word of the query counts by
/// how often the entry holds it, four times in the title, saturating as BM25 does, against the entry's length.
/// </summary>
public static class SearchRank
{
    private const double Saturation = 1.2;

    private const double LengthWeight = 0.75;

    /// <summary>The length, in terms, an entry is measured against (a title and a few sentences).</summary>
    private const double TypicalLength = 40;

    /// <summary>The words of a query as <see cref="Score"/> reads them: terms separated by spaces, a prefix ending in <c>*</c>.</summary>
    public static string Words(SearchQuery.Node query) => string.Join(' ', Leaves(query).Distinct(StringComparer.Ordinal));

    public static double Score(string titleTerms, string bodyTerms, string words)
    {
        var title = titleTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var body = bodyTerms.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var norm = Saturation * (1 - LengthWeight + (LengthWeight * (title.Length + body.Length) / TypicalLength));
        var score = 0.0;
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var prefix = word.EndsWith('*');
            var w = prefix ? word[..^1] : word;
            bool Hit(string t) => prefix ? t.StartsWith(w, StringComparison.Ordinal) : t == w;
            var tf = (4.0 * title.Count(Hit)) + body.Count(Hit);
            score += tf * (Saturation + 1) / (tf + norm);
        }

        return score;
    }

    private static IEnumerable<string> Leaves(SearchQuery.Node node) => node switch
    {
        SearchQuery.Term t => [t.Value],
        SearchQuery.Prefix p => [p.Value + "*"],
        SearchQuery.Phrase p => p.Values,
        SearchQuery.And a => a.Parts.SelectMany(Leaves),
        SearchQuery.Or o => o.Parts.SelectMany(Leaves),
        _ => [],
    };
}
