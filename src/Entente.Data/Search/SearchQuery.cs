using System.Text;

namespace Entente.Data.Search;

/// <summary>
/// What a reader typed, read with the same analysis as the records (<see cref="SearchAnalysis"/>): words,
/// and phrases in double quotes («"مذكرة تفاهم"», "\"cyber security\""). Each word may be found as written,
/// joined to the next («الجار الله» finds «الجارالله»), as the abbreviation its phrase stands for, or, for a
/// Latin word, as a name that sounds alike. <see cref="All"/> asks for every word; <see cref="Any"/> for one
/// at least (what is shown when every word finds too little).
/// </summary>
public sealed class SearchQuery
{
    /// <summary>Longest query accepted, in characters, as typed and once its compatibility forms are composed (NFKC).</summary>
    public const int MaxLength = 200;

    /// <summary>Most words a query may ask for (each may also be found in several forms).</summary>
    public const int MaxWords = 32;

    private SearchQuery(IReadOnlyList<Node> clauses, IReadOnlyList<Node> nearClauses, IReadOnlyList<string> terms, IReadOnlyList<string> prefixes)
    {
        Clauses = clauses;
        NearClauses = nearClauses;
        Terms = terms;
        Prefixes = prefixes;
    }

    /// <summary>The clauses, each word also found by the words spelt near it (<see cref="SearchAnalysis.NearKey"/>).</summary>
    private IReadOnlyList<Node> NearClauses { get; }

    /// <summary>
    /// Every word, each also as the words spelt near it: what is asked when no record holds every word as typed
    /// ("ransomeware", «برمنجهام»); null when no word has a near spelling.
    /// </summary>
    public Node? Near => NearClauses.SequenceEqual(Clauses) ? null : NearClauses.Count == 1 ? NearClauses[0] : new And(NearClauses);

    /// <summary>Every clause must match for <see cref="All"/>; one is enough for <see cref="Any"/>.</summary>
    public IReadOnlyList<Node> Clauses { get; }

    /// <summary>Every term a hit may be highlighted for.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>The starts of terms a hit may be highlighted for (the word being typed).</summary>
    public IReadOnlyList<string> Prefixes { get; }

    public bool IsEmpty => Clauses.Count == 0;

    public Node All => Clauses.Count == 1 ? Clauses[0] : new And(Clauses);

    public Node Any => Clauses.Count == 1 ? Clauses[0] : new Or(Clauses);

    /// <summary>
    /// Reads <paramref name="text"/>; an unclosed quote reads to the end. With <paramref name="asTyped"/>, the last
    /// word, when nothing follows it, may also be the start of a longer word (results as one types: «المستش»
    /// finds «المستشفيات», "develo" finds "development"); whole words rank first.
    /// </summary>
    public static SearchQuery Parse(string? text, bool asTyped = false)
    {
        var clauses = new List<Node>();
        var nearClauses = new List<Node>();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var prepared = SearchAnalysis.Prepare(text);
        var typing = asTyped && prepared.Length > 0 && !char.IsWhiteSpace(prepared[^1]) && !IsQuote(prepared[^1]);
        var parts = prepared.Replace('“', '"').Replace('”', '"').Replace('«', '"').Replace('»', '"').Split('"');
        var lastPart = Array.FindLastIndex(parts, p => p.Trim().Length > 0);
        for (var p = 0; p < parts.Length; p++)
        {
            var tokens = SearchAnalysis.Tokens(parts[p]);
            if (tokens.Count == 0)
            {
                continue;
            }

            if (p % 2 == 1 && tokens.Count > 1)
            {
                var phrase = tokens.Select(t => t.Term).ToList();
                terms.UnionWith(phrase);
                var abbreviated = SearchAnalysis.AbbreviationAt(tokens, 0, out var canonical) == tokens.Count;
                clauses.Add(abbreviated ? new Or([new Phrase(phrase), new Term(canonical)]) : new Phrase(phrase));
                nearClauses.Add(clauses[^1]);
                continue;
            }

            for (var i = 0; i < tokens.Count; i++)
            {
                var span = SearchAnalysis.AbbreviationAt(tokens, i, out var canonical);
                if (span > 0)
                {
                    var words = tokens.Skip(i).Take(span).Select(t => t.Term).ToList();
                    terms.UnionWith(words);
                    terms.Add(canonical);
                    clauses.Add(new Or([new Term(canonical), new And(words.Select(w => (Node)new Term(w)).ToList())]));
                    nearClauses.Add(clauses[^1]);
                    i += span - 1;
                    continue;
                }

                // Each word may also be found written as one with its neighbour ("الجار الله" finds «الجارالله», "cyber security" finds "cybersecurity").
                var token = tokens[i];
                terms.Add(token.Term);
                var options = new List<Node> { new Term(token.Term) };
                if (SearchAnalysis.NameSound(token.Normal) is { } sound)
                {
                    options.Add(new Term(sound));
                }

                foreach (var alternative in SearchAnalysis.WithoutClitics(token))
                {
                    terms.Add(alternative);
                    options.Add(new Term(alternative));
                }

                if (i > 0 && SearchAnalysis.Joined(tokens[i - 1], token) is { } withPrevious)
                {
                    terms.Add(withPrevious);
                    options.Add(new Term(withPrevious));
                }

                if (i + 1 < tokens.Count && SearchAnalysis.Joined(token, tokens[i + 1]) is { } withNext)
                {
                    terms.Add(withNext);
                    options.Add(new Term(withNext));
                }

                // A name of two words is found written as one in the other script («عبد الرحمن», Abdulrahman).
                foreach (var pair in new[] { i > 0 ? tokens[i - 1].Normal + token.Normal : null, i + 1 < tokens.Count ? token.Normal + tokens[i + 1].Normal : null })
                {
                    if (pair is not null && SearchAnalysis.NameSound(pair) is { } pairSound)
                    {
                        options.Add(new Term(pairSound));
                    }
                }

                if (typing && p == lastPart && p % 2 == 0 && i == tokens.Count - 1 && PrefixOf(token) is { } start)
                {
                    prefixes.Add(start);
                    options.Add(new Prefix(start));
                }

                clauses.Add(Simplify(options));
                if (SearchAnalysis.NearKey(token.Normal) is { } near)
                {
                    terms.Add(near);
                    nearClauses.Add(new Or([.. options, new Term(near)]));
                }
                else
                {
                    nearClauses.Add(clauses[^1]);
                }
            }
        }

        return new SearchQuery(clauses, nearClauses, terms.ToList(), prefixes);
    }

    private static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»';

    /// <summary>
    /// The start a word being typed is matched by: its term, less what the letters still to come may change (a
    /// stem of a word half typed is not the stem of the word: "hospita" is not "hospit"), at least three letters, for a
    /// word of four letters or more typed (three would start too many).
    /// </summary>
    private static string? PrefixOf(SearchToken token)
    {
        if (token.Normal.Length < 4 || SearchAnalysis.IsNumber(token.Normal))
        {
            return null;
        }

        return token.Term[..Math.Min(token.Term.Length, Math.Max(3, token.Normal.Length - 2))];
    }

    private static Node Simplify(List<Node> options) => options.Count == 1 ? options[0] : new Or(options);

    /// <summary>A part of a query.</summary>
    public abstract record Node
    {
        /// <summary>The query in SQLite FTS5's syntax.</summary>
        public abstract string ToFts5();

        /// <summary>The query in PostgreSQL's <c>tsquery</c> syntax.</summary>
        public abstract string ToTsQuery();
    }

    /// <summary>One term (letters and digits only, as the analysis makes them).</summary>
    public sealed record Term(string Value) : Node
    {
        public override string ToFts5() => "\"" + Value + "\"";

        public override string ToTsQuery() => "'" + Value + "'";
    }

    /// <summary>Any term that starts so.</summary>
    public sealed record Prefix(string Value) : Node
    {
        public override string ToFts5() => "\"" + Value + "\"*";

        public override string ToTsQuery() => "'" + Value + "':*";
    }

    /// <summary>Terms one after the other.</summary>
    public sealed record Phrase(IReadOnlyList<string> Values) : Node
    {
        public override string ToFts5() => "\"" + string.Join(' ', Values) + "\"";

        public override string ToTsQuery() => "(" + string.Join(" <-> ", Values.Select(v => "'" + v + "'")) + ")";
    }

    public sealed record And(IReadOnlyList<Node> Parts) : Node
    {
        public override string ToFts5() => Join(" AND ", Parts.Select(p => p.ToFts5()));

        public override string ToTsQuery() => Join(" & ", Parts.Select(p => p.ToTsQuery()));
    }

    public sealed record Or(IReadOnlyList<Node> Parts) : Node
    {
        public override string ToFts5() => Join(" OR ", Parts.Select(p => p.ToFts5()));

        public override string ToTsQuery() => Join(" | ", Parts.Select(p => p.ToTsQuery()));
    }

    private static string Join(string separator, IEnumerable<string> parts) => new StringBuilder("(").AppendJoin(separator, parts).Append(')').ToString();
}
