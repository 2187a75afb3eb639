using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Entente.Data.Search;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Entente.Relevance;

/// <summary>
/// The search relevance set (<c>bench/search/relevance-set.json</c>): records written for it, sent to the API
/// in order, and queries with the records a person typing them wants. Shared by the benchmark, which prints
/// the figures, and the integration test, which holds them to the targets of issue 16.
/// </summary>
public sealed partial class RelevanceSet
{
    /// <summary>How many hits of each answer count.</summary>
    public const int Depth = 10;

    private readonly JsonObject _set;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _etags = new(StringComparer.Ordinal);

    private RelevanceSet(JsonObject set) => _set = set;

    public IReadOnlyList<Query> Queries => [.. _set["queries"]!.AsArray().Select(q => new Query(
        (string)q!["q"]!,
        (string?)q["lang"] ?? "?",
        (string)q["class"]!,
        [.. q["expect"]!.AsArray().Select(k => (string)k!)],
        (string?)q["first"] is { Length: > 0 } first ? first : null,
        [.. (q["absent"]?.AsArray() ?? []).Select(k => (string)k!)],
        (string?)q["filters"] ?? string.Empty))];

    /// <summary>The number of records the set writes.</summary>
    public int RecordCount => _set["records"]!.AsArray().Count;

    /// <summary>The id each key of the set was given (after <see cref="LoadAsync"/>).</summary>
    public IReadOnlyDictionary<string, string> Ids => _ids;

    public static RelevanceSet Read(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    /// <summary>
    /// The ids the set refers to by name, read through the API: <c>body</c> (the Kuwait–UK Joint Steering Group),
    /// <c>party.KW</c> and <c>party.GB</c>, <c>session.16</c> and <c>session.17</c>, and <c>track.health</c> and the like
    /// for the body's tracks that are no sub-topic, by area.
    /// </summary>
    public static async Task<Dictionary<string, string>> PredefinedAsync(HttpClient client, CancellationToken ct)
    {
        async Task<JsonArray> ItemsAsync(string url) => JsonNode.Parse(await client.GetStringAsync(url, ct))!["items"]!.AsArray();
        var body = (await ItemsAsync("/api/joint-bodies?pageSize=200")).Single(b => (string?)b!["name"]!["en"] == "Kuwait–UK Joint Steering Group")!;
        var ids = new Dictionary<string, string>(StringComparer.Ordinal) { ["body"] = (string)body["id"]! };
        foreach (var party in await ItemsAsync("/api/parties?pageSize=200"))
        {
            ids["party." + (string)party!["code"]!] = (string)party["id"]!;
        }

        foreach (var session in await ItemsAsync($"/api/sessions?jointBodyId={ids["body"]}&pageSize=200"))
        {
            ids["session." + ((int)session!["number"]!).ToString(CultureInfo.InvariantCulture)] = (string)session["id"]!;
        }

        foreach (var track in (await ItemsAsync($"/api/tracks?jointBodyId={ids["body"]}&pageSize=200")).Where(t => t!["parentTrackId"] is null))
        {
            ids.TryAdd("track." + (string)track!["area"]!, (string)track["id"]!);
        }

        return ids;
    }

    /// <summary>Finds the set's file from the working directory upwards (the repository's <c>bench/search/</c>), or beside the program.</summary>
    public static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "relevance-set.json"), Path.Combine(dir.FullName, "bench", "search", "relevance-set.json") })
            {
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException("bench/search/relevance-set.json was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Sends the set's records to the API in order, as <paramref name="client"/> (a secretariat of the reference body),
    /// with <paramref name="predefined"/> ids (<c>body</c>, <c>party.KW</c>, <c>track.health</c>…) to refer to.
    /// </summary>
    public async Task LoadAsync(HttpClient client, IReadOnlyDictionary<string, string> predefined, CancellationToken ct)
    {
        foreach (var (key, id) in predefined)
        {
            _ids[key] = id;
        }

        foreach (var node in _set["records"]!.AsArray())
        {
            var record = node!.AsObject();
            var key = (string)record["key"]!;
            if (_ids.ContainsKey(key))
            {
                throw new InvalidOperationException($"The key '{key}' is given twice.");
            }

            var ifMatch = (string?)record["ifMatch"];
            using var request = new HttpRequestMessage(HttpMethod.Post, Resolve((string?)record["path"] ?? (string)record["upload"]!));
            if (record["upload"] is not null)
            {
                var file = record["file"]!;
                var form = new MultipartFormDataContent();
                var bytes = FileBytes((string)file["text"]!, (string)file["mediaType"]!);
                var content = new ByteArrayContent(bytes);
                content.Headers.ContentType = new MediaTypeHeaderValue((string)file["mediaType"]!);
                form.Add(content, "file", (string)file["name"]!);
                request.Content = form;
            }
            else
            {
                request.Content = new StringContent(ResolveNode(record["body"]!.DeepClone())!.ToJsonString(), Encoding.UTF8, "application/json");
            }

            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", _etags.TryGetValue(ifMatch, out var etag) ? etag : throw new InvalidOperationException($"'{key}' needs the ETag of '{ifMatch}', which has none."));
            }

            using var response = await client.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The record '{key}' was refused: {(int)response.StatusCode} {text}");
            }

            var answer = JsonNode.Parse(text)!;
            _ids[key] = (string?)record["idPath"] is { } path ? (string)At(answer, path)! : (string)answer["id"]!;
            if (response.Headers.ETag is { } tag)
            {
                _etags[ifMatch ?? key] = tag.Tag;
            }
        }

        await ResolveDemoKeysAsync(client, ct);
    }

    /// <summary>
    /// Expected hits among the demo data, named <c>demo:kind:title</c> (<c>demo:agreement:Memorandum of Understanding on
    /// Cybersecurity</c>): the record of that kind whose title or name in either language is exactly that.
    /// </summary>
    private async Task ResolveDemoKeysAsync(HttpClient client, CancellationToken ct)
    {
        var keys = _set["queries"]!.AsArray()
            .SelectMany(q => (q!["expect"]?.AsArray() ?? []).Concat(q["absent"]?.AsArray() ?? []).Append(q["first"]))
            .Select(k => (string?)k).OfType<string>().Where(k => k.StartsWith("demo:", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var parts = key.Split(':', 3);
            var answer = JsonNode.Parse(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(parts[2])}&type={parts[1]}&pageSize=50", ct))!;
            var hit = answer["items"]!.AsArray().FirstOrDefault(h => (string?)h!["title"]!["en"] == parts[2] || (string?)h!["title"]!["ar"] == parts[2]
                || ((string?)h["title"]!["en"])?.Split(" · ").Contains(parts[2]) == true || ((string?)h["title"]!["ar"])?.Split(" · ").Contains(parts[2]) == true)
                ?? throw new InvalidOperationException($"No demo {parts[1]} is titled '{parts[2]}'.");
            _ids[key] = (string)hit["id"]!;
        }
    }

    /// <summary>Runs every query through the API and scores its first <see cref="Depth"/> hits.</summary>
    public async Task<List<Outcome>> RunAsync(HttpClient client, CancellationToken ct)
    {
        var outcomes = new List<Outcome>();
        foreach (var query in Queries)
        {
            var url = $"/api/search?q={Uri.EscapeDataString(query.Q)}&pageSize={Depth}" + (query.Filters.Length > 0 ? "&" + Resolve(query.Filters) : string.Empty);
            using var response = await client.GetAsync(url, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"The query '{query.Q}' was answered {(int)response.StatusCode}: {text}");
            }

            var hits = JsonNode.Parse(text)!["items"]!.AsArray().Select(h => (string)h!["id"]!).ToList();
            outcomes.Add(Score(query, hits));
        }

        return outcomes;
    }

    /// <summary>Scores a ranked list of hit ids against what the query expects.</summary>
    public Outcome Score(Query query, IReadOnlyList<string> ranked)
    {
        var top = ranked.Take(Depth).ToList();
        var expected = query.Expect.Select(Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var found = top.Count(expected.Contains);
        var firstRank = top.FindIndex(expected.Contains);
        var dcg = top.Select((id, i) => expected.Contains(id) ? 1 / Math.Log2(i + 2) : 0).Sum();
        var ideal = Enumerable.Range(0, Math.Min(expected.Count, Depth)).Select(i => 1 / Math.Log2(i + 2)).Sum();
        var firstHeld = query.First is null || (top.Count > 0 && string.Equals(top[0], Id(query.First), StringComparison.OrdinalIgnoreCase));
        var intruders = query.Absent.Where(k => top.Contains(Id(k), StringComparer.OrdinalIgnoreCase)).ToList();
        var missed = query.Expect.Where(k => !top.Contains(Id(k), StringComparer.OrdinalIgnoreCase)).ToList();
        return new Outcome(query, expected.Count == 0 ? 1 : (double)found / expected.Count, firstRank < 0 ? 0 : 1.0 / (firstRank + 1), ideal == 0 ? 1 : dcg / ideal, firstHeld, intruders, missed);
    }

    /// <summary>The figures of a run: overall, per class and per language.</summary>
    public static string Report(string title, IReadOnlyList<Outcome> outcomes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title}: {outcomes.Count} queries");
        text.AppendLine(CultureInfo.InvariantCulture, $"{"",-22} {"queries",7} {"recall@10",9} {"MRR",6} {"nDCG@10",8} {"first",6} {"absent",7}");
        void Row(string name, IReadOnlyList<Outcome> group) => text.AppendLine(CultureInfo.InvariantCulture,
            $"{name,-22} {group.Count,7} {group.Average(o => o.Recall),9:F3} {group.Average(o => o.ReciprocalRank),6:F3} {group.Average(o => o.Ndcg),8:F3} {group.Count(o => o.FirstHeld),6} {group.Sum(o => o.Intruders.Count),7}");
        Row("all", outcomes);
        foreach (var language in outcomes.GroupBy(o => o.Query.Language).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row("lang " + language.Key, [.. language]);
        }

        foreach (var kind in outcomes.GroupBy(o => o.Query.Class).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Row(kind.Key, [.. kind]);
        }

        return text.ToString();
    }

    /// <summary>The queries that missed an expected record, put an intruder in the first ten or another record first.</summary>
    public static IEnumerable<string> Failures(IReadOnlyList<Outcome> outcomes) =>
        outcomes.Where(o => o.Missed.Count > 0 || o.Intruders.Count > 0 || !o.FirstHeld).Select(o =>
            $"[{o.Query.Class}] '{o.Query.Q}'{(o.Missed.Count > 0 ? " missed " + string.Join(", ", o.Missed) : string.Empty)}{(o.Intruders.Count > 0 ? " let in " + string.Join(", ", o.Intruders) : string.Empty)}{(o.FirstHeld ? string.Empty : " not first: " + o.Query.First)}");

    private string Id(string key) => _ids.TryGetValue(key, out var id) ? id : throw new InvalidOperationException($"The key '{key}' names no record of the set.");

    private string Resolve(string text) => Reference().Replace(text, m => _ids.TryGetValue(m.Groups[1].Value, out var id) ? id : throw new InvalidOperationException($"'{m.Value}' names no record loaded before it."));

    private JsonNode? ResolveNode(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var name in o.Select(p => p.Key).ToList())
                {
                    o[name] = ResolveNode(o[name]?.DeepClone());
                }

                return o;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    a[i] = ResolveNode(a[i]?.DeepClone());
                }

                return a;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String && ((string)v!).StartsWith('$'):
                return JsonValue.Create(Resolve((string)v!));
            default:
                return node;
        }
    }

    private static JsonNode? At(JsonNode node, string path)
    {
        JsonNode? at = node;
        foreach (Match part in PathPart().Matches(path))
        {
            at = part.Groups[2].Success ? at?[int.Parse(part.Groups[2].Value, CultureInfo.InvariantCulture)] : at?[part.Groups[1].Value];
        }

        return at;
    }

    private static byte[] FileBytes(string text, string mediaType)
    {
        if (!mediaType.Contains("wordprocessingml", StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(text);
        }

        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(text.Split('\n').Select(line => new Paragraph(new Run(new Text(line) { Space = SpaceProcessingModeValues.Preserve })))));
        }

        return stream.ToArray();
    }

    [GeneratedRegex(@"\$([A-Za-z0-9_.\-]+[A-Za-z0-9_])")]
    private static partial Regex Reference();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")]
    private static partial Regex PathPart();

    /// <summary>One query of the set.</summary>
    public sealed record Query(string Q, string Language, string Class, IReadOnlyList<string> Expect, string? First, IReadOnlyList<string> Absent, string Filters);

    /// <summary>How one query fared.</summary>
    public sealed record Outcome(Query Query, double Recall, double ReciprocalRank, double Ndcg, bool FirstHeld, IReadOnlyList<string> Intruders, IReadOnlyList<string> Missed);
}

/// <summary>
/// The baseline search is measured against: what Entente did before ADR 0011 — words folded (case, hamza on alef,
/// ى, ة, tashkeel, tatweel, digits) but not stemmed, no variants, abbreviations, joined words or sounds — over
/// the same entries, every word required, ranked by BM25 with the title weighted as the index weights it.
/// </summary>
public static class BaselineSearch
{
    public static List<string> Rank(IReadOnlyList<SearchEntry> entries, string q, int depth)
    {
        var words = Words(q).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var documents = entries.Select(e => (e.RecordId, Title: Words(e.TitleAr + "\n" + e.TitleEn), Body: Words(e.TextAr + "\n" + e.TextEn))).ToList();
        var average = documents.Average(d => (double)(d.Title.Count + d.Body.Count));
        var frequency = words.ToDictionary(w => w, w => documents.Count(d => d.Title.Contains(w) || d.Body.Contains(w)), StringComparer.Ordinal);
        return [.. documents.Where(d => words.All(w => d.Title.Contains(w) || d.Body.Contains(w)))
            .Select(d => (d.RecordId, Score: words.Sum(w =>
            {
                var tf = (4.0 * d.Title.Count(t => t == w)) + d.Body.Count(t => t == w);
                var idf = Math.Log(1 + ((documents.Count - frequency[w] + 0.5) / (frequency[w] + 0.5)));
                return idf * tf * 2.2 / (tf + (1.2 * (0.25 + (0.75 * (d.Title.Count + d.Body.Count) / average))));
            })))
            .OrderByDescending(d => d.Score).Take(depth).Select(d => d.RecordId.ToString())];
    }

    /// <summary>The words of a text folded as before: no stemming.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        using var tokenizer = new StandardTokenizer(LuceneVersion.LUCENE_48, new StringReader(text));
        using var stream = new LowerCaseFilter(LuceneVersion.LUCENE_48, tokenizer);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var chars = term.ToString().Where(c => c is not '\u0640').Select(c => c is >= '\u0660' and <= '\u0669' ? (char)('0' + (c - '\u0660')) : c).ToArray();
            var length = new ArabicNormalizer().Normalize(chars, chars.Length);
            words.Add(new string(chars, 0, length));
        }

        stream.End();
        return words;
    }
}
