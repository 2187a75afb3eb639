namespace Entente.Data.Search;

/// <summary>A piece of a snippet: text, marked when it is a word the query found.</summary>
public sealed record SnippetPart(string Text, bool Marked);

/// <summary>
/// Cuts the passage of a text that holds most of a query's terms, by the same analysis as the index (so
/// «للطلبة» is marked for «الطلبة», "trained" for "training"), and marks those words.
/// </summary>
public static class SearchSnippets
{
    /// <summary>About how many characters a snippet holds.</summary>
    public const int Length = 180;

    /// <summary>The marked passage of <paramref name="text"/>, or null when no word of it is a term of the query.</summary>
    public static IReadOnlyList<SnippetPart>? Cut(string? text, IReadOnlyCollection<string> terms, int length = Length, IReadOnlyCollection<string>? prefixes = null)
    {
        var prepared = SearchAnalysis.Prepare(text);
        prefixes ??= [];
        if (prepared.Length == 0 || terms.Count + prefixes.Count == 0)
        {
            return null;
        }

        var wanted = new HashSet<string>(terms, StringComparer.Ordinal);
        var tokens = SearchAnalysis.Tokens(prepared);
        var found = new List<SearchToken>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var span = SearchAnalysis.AbbreviationAt(tokens, i, out var canonical);
            if (span > 0 && wanted.Contains(canonical))
            {
                // "Memorandum of Understanding" found for "MoU": the whole phrase is marked.
                found.AddRange(tokens.Skip(i).Take(span));
                i += span - 1;
            }
            else if (wanted.Contains(token.Term) || SearchAnalysis.WithoutClitics(token).Any(wanted.Contains) || prefixes.Any(p => token.Term.StartsWith(p, StringComparison.Ordinal))
                || (SearchAnalysis.NearKey(token.Normal) is { } near && wanted.Contains(near)))
            {
                found.Add(token);
            }
            else if (i + 1 < tokens.Count && SearchAnalysis.Joined(token, tokens[i + 1]) is { } joined && wanted.Contains(joined))
            {
                found.Add(token);
                found.Add(tokens[i + 1]);
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        // The window of the text with the most distinct terms found.
        var bestStart = 0;
        var bestScore = -1;
        for (var i = 0; i < found.Count; i++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            for (var j = i; j < found.Count && found[j].End - found[i].Start <= length; j++)
            {
                distinct.Add(found[j].Term);
            }

            if (distinct.Count > bestScore)
            {
                bestScore = distinct.Count;
                bestStart = i;
            }
        }

        var first = found[bestStart];
        var start = Math.Max(0, first.Start - (length / 4));
        start = WordStart(prepared, start);
        var end = Math.Min(prepared.Length, start + length);
        end = WordEnd(prepared, end);
        var parts = new List<SnippetPart>();
        if (start > 0)
        {
            parts.Add(new SnippetPart("…", false));
        }

        var at = start;
        foreach (var token in found.Where(t => t.Start >= start && t.End <= end).DistinctBy(t => t.Start))
        {
            if (token.Start > at)
            {
                parts.Add(new SnippetPart(Flat(prepared[at..token.Start]), false));
            }

            parts.Add(new SnippetPart(prepared[token.Start..token.End], true));
            at = token.End;
        }

        if (end > at)
        {
            parts.Add(new SnippetPart(Flat(prepared[at..end]), false));
        }

        if (end < prepared.Length)
        {
            parts.Add(new SnippetPart("…", false));
        }

        return parts;
    }

    private static string Flat(string text) => text.Replace('\n', ' ').Replace('\r', ' ');

    private static int WordStart(string text, int at)
    {
        while (at > 0 && !char.IsWhiteSpace(text[at - 1]))
        {
            at--;
        }

        return at;
    }

    private static int WordEnd(string text, int at)
    {
        while (at < text.Length && !char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at;
    }
}
