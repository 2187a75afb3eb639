using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>
/// Hostile input generated over the OpenAPI document (CsCheck): for every write operation, a body the program
/// accepts (made from a record it answered) with one field — at any depth — given a value that no rule allows
/// for its type: the wrong JSON type, text with control, invisible or malformed characters, text longer than any
/// limit, an id that names nothing, an impossible or implausible date, a number out of every range, a list too
/// long or holding nulls. Every answer must be a refusal (never 2xx, never 5xx), as problem details that name the
/// field that was spoiled, and nothing may be written. Multipart uploads get broken bodies of their own.
/// A failure prints CsCheck's seed; rerun it with <c>CsCheck_Seed=…</c>.
/// </summary>
public abstract class GeneratedHostileInputTests(EntenteApp app)
{
    private readonly HttpClient _client = app.CreateClient();

    /// <summary>What was refused otherwise than the rules say, one line per operation and field (all of them, not only the first).</summary>
    private readonly List<string> _failures = [];

    /// <summary>One write operation, at a real address, with a body it accepts.</summary>
    private sealed record Target(string Method, string Url, JsonObject Body, JsonObject Schema, bool Versioned);

    /// <summary>One field of a body (a path such as <c>title.ar</c> or <c>values[0].periodStart</c>) and its schema.</summary>
    private sealed record Field(string Path, JsonObject Schema);

    [Fact]
    public async Task EveryJsonWrite_OneFieldSpoiledAtRandom_IsRefusedNamingThatField_AndWritesNothing()
    {
        var reference = await Reference.LoadAsync(_client);
        var openApi = await OpenApi.LoadAsync(_client);
        var targets = new List<Target>();
        foreach (var operation in openApi.Operations.Where(o => o.Method is "POST" or "PUT" && o.Body is not null))
        {
            if (await TargetAsync(openApi, operation, reference) is { } target)
            {
                targets.Add(target);
            }
        }

        var cases = targets.SelectMany(t => Fields(openApi, t.Schema, string.Empty, t.Body).Select(f => (Target: t, Field: f))).ToArray();
        Assert.True(targets.Count >= 35 && cases.Length > 200, $"Only {targets.Count} writes and {cases.Length} fields found.");
        var before = await AuditHeadAsync();
        var tried = new HashSet<string>(StringComparer.Ordinal);

        await (from index in Gen.Int[0, cases.Length - 1]
               from spoiled in Spoiled(cases[index].Field.Schema, openApi)
               select (Case: cases[index], Spoiled: spoiled))
            .SampleAsync(
                async c =>
                {
                    tried.Add(c.Case.Target.Method + " " + c.Case.Target.Url);
                    await RefusedNamingAsync(c.Case.Target, c.Case.Field.Path, c.Spoiled.Value, c.Spoiled.What);
                },
                iter: cases.Length * 3,
                threads: 1,
                print: c => $"{c.Case.Target.Method} {c.Case.Target.Url} with {c.Case.Field.Path} = {c.Spoiled.What}");

        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures.Distinct().Order(StringComparer.Ordinal)));
        Assert.Equal(before, await AuditHeadAsync());
        Assert.True(tried.Count > targets.Count * 3 / 4, $"Only {tried.Count} of {targets.Count} writes were tried.");
    }

    [Fact]
    public async Task EveryJsonWrite_AMemberItDoesNotTake_AtTheTopOrDeeper_IsRefusedNamingIt_NeverDropped()
    {
        var reference = await Reference.LoadAsync(_client);
        var openApi = await OpenApi.LoadAsync(_client);
        var tried = 0;
        foreach (var operation in openApi.Operations.Where(o => o.Method is "POST" or "PUT" && o.Body is not null))
        {
            if (await TargetAsync(openApi, operation, reference) is not { } target)
            {
                continue;
            }

            // A misspelt member at the top, and one inside the first object the body holds (a title, a row of a list).
            var nested = Fields(openApi, target.Schema, string.Empty, target.Body)
                .FirstOrDefault(f => OpenApi.TypeOf(f.Schema) == "object" && f.Schema["properties"] is not null && !f.Path.Contains('[', StringComparison.Ordinal));
            foreach (var path in new[] { "summery", nested is null ? null : nested.Path + ".colour" }.OfType<string>())
            {
                tried++;
                var before = await AuditHeadAsync();
                await RefusedNamingAsync(target, path, JsonValue.Create("x"), "an unknown member");
                Assert.Equal(before, await AuditHeadAsync());
            }
        }

        Assert.True(tried > 40, $"Only {tried} cases tried.");
        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task EveryMultipartWrite_BrokenUploads_AreRefusedNamingTheFile_AndWriteNothing()
    {
        var openApi = await OpenApi.LoadAsync(_client);
        var uploads = openApi.Operations.Where(o => o.Multipart).ToList();
        Assert.NotEmpty(uploads);
        var before = await AuditHeadAsync();
        foreach (var upload in uploads)
        {
            // A document of its own, which takes files (the demo's documents record signed plans, which take none).
            var reference = await Reference.LoadAsync(_client);
            var record = await _client.CreateAsync<JsonObject>("/api/documents", new { jointBodyId = reference.Body.Id, kind = "roadmap", title = new { ar = "وثيقة للاختبار", en = "A document to upload to" } });
            var url = upload.Path.Replace("{id}", (string)record["id"]!, StringComparison.Ordinal);
            var etag = "\"1\"";
            before = await AuditHeadAsync();
            await BrokenUpload.SampleAsync(
                async broken =>
                {
                    using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = broken.Content() };
                    request.Headers.TryAddWithoutValidation("If-Match", etag);
                    using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
                    if (await RefusalAsync(response, $"POST {Shape(url)} with {broken.What}") is { } problem && !Names(problem, "file") && (int)response.StatusCode != 413)
                    {
                        _failures.Add($"POST {Shape(url)} with {broken.What} answered {(int)response.StatusCode} naming '{problem["field"]}', not 'file'.");
                    }
                },
                iter: 120,
                threads: 1,
                print: b => b.What);
        }

        Assert.True(_failures.Count == 0, string.Join(Environment.NewLine, _failures.Distinct().Order(StringComparer.Ordinal)));
        Assert.Equal(before, await AuditHeadAsync());
    }

    /// <summary>A multipart body broken in one of the ways a hostile or faulty client sends.</summary>
    private sealed record Broken(string What, Func<HttpContent> Content);

    private static readonly Gen<Broken> BrokenUpload =
        from boundary in Gen.String[Gen.Char.AlphaNumeric, 8, 40]
        from junk in Gen.Byte.Array[0, 600]
        from cut in Gen.Int[1, 200]
        from kind in Gen.Int[0, 8]
        select kind switch
        {
            0 => new Broken("a body cut short", () => Raw($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7"[..Math.Min(cut, 60)], boundary)),
            1 => new Broken("a wrong closing boundary", () => Raw($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--other{boundary}--\r\n", boundary)),
            2 => new Broken("a part header over the limit", () => Raw($"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nX-Junk: {new string('x', 20_000 + cut)}\r\n\r\nhello\r\n--{boundary}--\r\n", boundary)),
            3 => new Broken("no boundary parameter", () => new ByteArrayContent(junk) { Headers = { { "Content-Type", "multipart/form-data" } } }),
            4 => new Broken("random bytes as multipart", () => Raw(Encoding.Latin1.GetString(junk), boundary)),
            5 => new Broken("no file part", () => new MultipartFormDataContent(boundary) { { new StringContent("a note"), "note" } }),
            6 => new Broken("a program named as a PDF", () => new MultipartFormDataContent(boundary) { { new ByteArrayContent([0x4D, 0x5A, .. junk]), "file", "report.pdf" } }),
            7 => new Broken("an empty file", () => new MultipartFormDataContent(boundary) { { new ByteArrayContent([]), "file", "empty.pdf" } }),
            _ => new Broken("an HTML page named as text", () => new MultipartFormDataContent(boundary) { { new StringContent("<html><script>alert(1)</script></html>"), "file", "page.html" } }),
        };

    private static ByteArrayContent Raw(string body, string boundary)
    {
        var content = new ByteArrayContent(Encoding.Latin1.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={boundary}");
        return content;
    }

    /// <summary>Sends the target's body with <paramref name="path"/> set to <paramref name="value"/>; the answer must refuse it naming that field.</summary>
    private async Task RefusedNamingAsync(Target target, string path, JsonNode? value, string what)
    {
        var body = target.Body.DeepClone().AsObject();
        Set(body, path, value);
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        if (target.Versioned)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{(long)(await _client.GetAsync<JsonObject>(target.Url))["version"]!}\"");
        }
        else
        {
            request.Headers.TryAddWithoutValidation("If-Match", await ParentETagAsync(target.Url));
        }

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        var where = $"{target.Method} {target.Url} with {path} = {what}";
        if (await RefusalAsync(response, where) is not { } problem || response.StatusCode == System.Net.HttpStatusCode.Forbidden)
        {
            return; // refused without problem details (recorded), or the caller may not make this write at all, whatever the body says
        }

        if (!Names(problem, path))
        {
            _failures.Add($"{target.Method} {Shape(target.Url)} with {path} spoiled answered {(int)response.StatusCode} {problem["code"]} naming '{problem["field"]}' ({string.Join(", ", (problem["errors"] as JsonArray ?? []).Select(e => (string?)e!["field"]))}), e.g. {what}");
        }
    }

    /// <summary>A sub-resource write (<c>…/{id}/updates</c>) carries the ETag of its record.</summary>
    private async Task<string> ParentETagAsync(string url)
    {
        var parts = url.Split('/');
        if (parts.Length >= 5 && Guid.TryParse(parts[3], out _))
        {
            using var response = await _client.GetAsync(string.Join('/', parts.Take(4)), TestContext.Current.CancellationToken);
            if (response.Headers.ETag is { } etag)
            {
                return etag.Tag;
            }
        }

        return "\"1\"";
    }

    /// <summary>The problem details of a refusal; null (and the failure recorded) when the answer is not one.</summary>
    private async Task<JsonObject?> RefusalAsync(HttpResponseMessage response, string where)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var failure = response.IsSuccessStatusCode ? "was accepted" : (int)response.StatusCode >= 500 ? "failed" : response.Content.Headers.ContentType?.MediaType != "application/problem+json" ? "answered without problem details" : null;
        if (failure is not null)
        {
            _failures.Add($"{where} {failure} ({(int)response.StatusCode}): {text[..Math.Min(300, text.Length)]}");
            return null;
        }

        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A URL with its ids set aside, so that one failure of an operation reads as one line.</summary>
    private static string Shape(string url) => System.Text.RegularExpressions.Regex.Replace(url, "[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");

    /// <summary>True when the problem, or one of its broken rules, is about <paramref name="path"/>, a part of it, or the field that holds it (a value refused whole).</summary>
    private static bool Names(JsonObject problem, string path) =>
        new[] { (string?)problem["field"] }.Concat((problem["errors"] as JsonArray ?? []).Select(e => (string?)e!["field"]))
            .Any(f => f is { Length: > 0 } && (f == path || Within(f, path) || Within(path, f)));

    private static bool Within(string inner, string outer) =>
        inner.StartsWith(outer + ".", StringComparison.Ordinal) || inner.StartsWith(outer + "[", StringComparison.Ordinal);

    /// <summary>A spoiled value, and what it is, for the message.</summary>
    private sealed record Spoil(string What, JsonNode? Value);

    /// <summary>Values no rule allows for a field of <paramref name="schema"/>'s type.</summary>
    private static Gen<Spoil> Spoiled(JsonObject schema, OpenApi openApi)
    {
        var type = OpenApi.TypeOf(schema);
        var format = (string?)schema["format"];
        var wrongType = Gen.OneOf(
            new Spoil("an object where none goes", new JsonObject { ["x"] = 1 }),
            new Spoil("a list where none goes", new JsonArray(1, 2)),
            new Spoil("true where no flag goes", JsonValue.Create(true)));
        var hostileText =
            from prefix in Gen.String[Gen.Char.AlphaNumeric, 1, 12]
            from bad in Gen.OneOf('\0', '\a', '\u001b', '\u202E', '\u202B', '\u2066', '\u200B', '\uFEFF', '\u2028', '\u00AD', '\u034F', '\u3164')
            select new Spoil($"text with U+{(int)bad:X4}", JsonValue.Create(prefix + bad + "x"));
        var overlong = Gen.Int[100_001, 120_000].Select(n => new Spoil($"{n} characters", JsonValue.Create(new string('ب', n))));
        return (type, format) switch
        {
            ("string", "uuid") => Gen.OneOf<Spoil>(
                Gen.Guid.Select(g => new Spoil("an id that names nothing", JsonValue.Create(g))),
                Gen.String[Gen.Char.AlphaNumeric, 1, 20].Select(s => new Spoil("not an id", JsonValue.Create("id-" + s))),
                Gen.Int.Select(i => new Spoil("a number where an id goes", JsonValue.Create(i)))),
            ("string", "date") or (null, "date") => Gen.OneOf<Spoil>(
                Gen.OneOf("2021-02-30", "2021-13-01", "yesterday", "31/12/2021", "٢٠٢١-٠٢-٣٠", "9999-12-31", "1599-12-31", "2021-1-1x").Select(d => new Spoil($"the date '{d}'", JsonValue.Create(d))),
                Gen.Int.Select(i => new Spoil("a number where a date goes", JsonValue.Create(i)))),
            ("string", _) => Gen.OneOf<Spoil>(hostileText, overlong, Gen.Int.Select(i => new Spoil("a number where text goes", JsonValue.Create(i))), wrongType),
            ("integer", _) => Gen.OneOf<Spoil>(
                Gen.Long[3_000_000_000L, long.MaxValue].Select(l => new Spoil($"{l}, beyond a whole number's range", JsonValue.Create(l))),
                Gen.Double[0.1, 0.9].Select(d => new Spoil("a fraction where a whole number goes", JsonValue.Create(7 + d))),
                Gen.String[Gen.Char.AlphaNumeric, 1, 8].Select(s => new Spoil("text where a number goes", JsonValue.Create("n" + s)))),
            ("number", _) => Gen.OneOf<Spoil>(
                Gen.String[Gen.Char.AlphaNumeric, 1, 8].Select(s => new Spoil("text where a figure goes", JsonValue.Create("n" + s))),
                wrongType),
            ("boolean", _) => Gen.OneOf(new Spoil("text where a flag goes", JsonValue.Create("yes")), new Spoil("a number where a flag goes", JsonValue.Create(1))),
            ("array", _) => Gen.OneOf<Spoil>(
                Gen.Const(new Spoil("an object where a list goes", new JsonObject())),
                Gen.Const(new Spoil("a list holding null", new JsonArray((JsonNode?)null))),
                Gen.Int[201, 260].Select(n => new Spoil($"a list of {n} entries", Repeated(openApi.Resolve(schema["items"]), n)))),
            _ => Gen.OneOf<Spoil>(
                Gen.String[Gen.Char.AlphaNumeric, 1, 10].Select(s => new Spoil("text where an object goes", JsonValue.Create("flat " + s))),
                Gen.Const(new Spoil("a list where an object goes", new JsonArray()))),
        };
    }

    private static JsonArray Repeated(JsonObject? item, int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => OpenApi.TypeOf(item) == "string" && (string?)item!["format"] == "uuid" ? JsonValue.Create(Guid.NewGuid()) : (JsonNode)new JsonObject())]);

    /// <summary>Every field of a body, at any depth: its properties, the properties of nested objects, and the first entry of its lists.</summary>
    private static IEnumerable<Field> Fields(OpenApi openApi, JsonObject schema, string prefix, JsonNode? value)
    {
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = openApi.Resolve(property) ?? new JsonObject();
            var path = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var type = OpenApi.TypeOf(resolved);
            yield return new Field(path, resolved);
            var inner = value?[name];
            if (type == "object" && resolved["properties"] is not null)
            {
                foreach (var field in Fields(openApi, resolved, path, inner))
                {
                    yield return field;
                }
            }
            else if (type == "array" && openApi.Resolve(resolved["items"]) is { } items && items["properties"] is not null && inner is JsonArray { Count: > 0 } entries)
            {
                foreach (var field in Fields(openApi, items, $"{path}[0]", entries[0]))
                {
                    yield return field;
                }
            }
        }
    }

    /// <summary>Sets a path (<c>title.ar</c>, <c>values[0].value</c>) in a body, making the objects on the way.</summary>
    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var (name, index) = parts[i].EndsWith(']') ? (parts[i][..parts[i].IndexOf('[', StringComparison.Ordinal)], int.Parse(parts[i][(parts[i].IndexOf('[', StringComparison.Ordinal) + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)) : (parts[i], -1);
            var last = i == parts.Length - 1;
            if (index < 0)
            {
                if (last)
                {
                    node.AsObject()[name] = value;
                    return;
                }

                node = node[name] is JsonObject existing ? existing : (node.AsObject()[name] = new JsonObject());
            }
            else
            {
                var list = node[name] as JsonArray ?? (JsonArray)(node.AsObject()[name] = new JsonArray());
                while (list.Count <= index)
                {
                    list.Add(new JsonObject());
                }

                if (last)
                {
                    list[index] = value;
                    return;
                }

                node = list[index] ??= new JsonObject();
            }
        }
    }

    /// <summary>
    /// The operation at a real address with a body it accepts: a record's replacement is its GET answer made a
    /// request; a creation is a copy of a record of the collection (in the open 17th session); a sub-resource
    /// write takes an empty body on the record it names (a session's sub-routes on the 17th session, which is open).
    /// </summary>
    private async Task<Target?> TargetAsync(OpenApi openApi, ApiOperation operation, Reference reference)
    {
        var schema = operation.Body!;
        var braces = operation.Path.IndexOf('{', StringComparison.Ordinal);
        if (braces < 0)
        {
            if (operation.Path is "/api/api-tokens" or "/api/me/second-factor/verify")
            {
                return new Target(operation.Method, operation.Path, operation.Path == "/api/api-tokens" ? new JsonObject { ["name"] = "laptop", ["days"] = 30 } : new JsonObject { ["code"] = "123456" }, schema, Versioned: false);
            }

            var items = await ListOrEmptyAsync(operation.Path);
            var model = items.FirstOrDefault(i => (string?)i["visibility"] is null or "joint");
            var body = model is null ? new JsonObject() : RequestBodies.Of(schema["properties"]!.AsObject(), model, openApi);
            foreach (var (key, value) in new (string, JsonNode?)[] { ("sessionId", reference.Session17.Id), ("status", null), ("documentId", null), ("signedOn", null) })
            {
                if (body.ContainsKey(key))
                {
                    body[key] = value;
                }
            }

            return new Target(operation.Method, operation.Path, body, schema, Versioned: false);
        }

        var collection = operation.Path[..(braces - 1)];
        var records = await ListOrEmptyAsync(collection);
        var record = collection == "/api/sessions"
            ? records.FirstOrDefault(s => (int?)s["number"] == 17)
            : collection == "/api/action-plans" && !operation.Path.EndsWith("/{id}", StringComparison.Ordinal)
                // A plan's steps are aimed at a new draft plan of the open 17th session (the reference plan is signed: every step on it is refused whatever the body).
                ? await _client.CreateAsync<JsonObject>("/api/action-plans", new { sessionId = reference.Session17.Id, title = new { ar = "خطة للتجربة", en = "A plan to try steps on" }, planVersion = 1000 + Random.Shared.Next(1_000_000) })
                : records.Where(r => (string?)r["visibility"] is null or "joint").OrderBy(r => r["trackId"] is null).FirstOrDefault(); // an agenda item in a track takes outcomes
        if (record is null)
        {
            return null;
        }

        var replaces = operation.Method == "PUT" && operation.Path.EndsWith("/{id}", StringComparison.Ordinal);
        if (replaces)
        {
            var (editable, accepted) = await RequestBodies.EditableRecordAsync(_client, collection, schema["properties"]!.AsObject(), reference, [], openApi);
            return editable is null ? null : new Target(operation.Method, $"{collection}/{editable}", accepted!, schema, Versioned: true);
        }

        var url = collection + "/" + (string)record["id"]! + operation.Path[(operation.Path.IndexOf('}', StringComparison.Ordinal) + 1)..];
        return new Target(operation.Method, url, SubResourceBody(operation.Path, reference), schema, Versioned: false);
    }

    /// <summary>A body each action on a record takes, whole: the spoiled field is then the only fault.</summary>
    private static JsonObject SubResourceBody(string path, Reference reference)
    {
        var text = new JsonObject { ["ar"] = "نص", ["en"] = "A text" };
        return path[(path.LastIndexOf('/') + 1)..] switch
        {
            "updates" => new JsonObject { ["partyId"] = reference.Kuwait, ["on"] = "2021-06-01", ["text"] = text, ["percentComplete"] = 50 },
            "outcomes" => new JsonObject { ["kind"] = "new-action-item", ["title"] = text, ["text"] = text.DeepClone(), ["dueOn"] = "2027-01-31", ["status"] = "not-started" },
            "move" => new JsonObject { ["position"] = 1 },
            "agenda" => new JsonObject { ["startsAt"] = "10:00" },
            "next" => new JsonObject { ["placeKind"] = "city", ["placeName"] = text },
            "signatures" or "verify" => new JsonObject { ["code"] = "123456" },
            _ => new JsonObject(),
        };
    }

    private async Task<IReadOnlyList<JsonObject>> ListOrEmptyAsync(string collection)
    {
        using var response = await _client.GetAsync($"{collection}?pageSize=200", TestContext.Current.CancellationToken);
        return response.IsSuccessStatusCode && JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) is JsonObject { } page && page["items"] is JsonArray items
            ? [.. items.OfType<JsonObject>()]
            : [];
    }

    private async Task<long> AuditHeadAsync()
    {
        await using var scope = app.Scope(out var db);
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.MaxAsync(db.AuditEntries, a => a.Sequence, TestContext.Current.CancellationToken);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class GeneratedHostileInputTestsOnSqlite(SqliteApp app) : GeneratedHostileInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class GeneratedHostileInputTestsOnPostgres(PostgresApp app) : GeneratedHostileInputTests(app);
