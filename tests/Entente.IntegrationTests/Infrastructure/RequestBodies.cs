using System.Net;
using System.Text.Json.Nodes;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Request bodies made from what the API answers, for tests generated over the OpenAPI document.</summary>
public static class RequestBodies
{
    /// <summary>The request a record's GET answer makes: its fields under the request's names, and a list of ids from a list of objects (<c>owners[].institutionId</c> → <c>ownerInstitutionIds</c>).</summary>
    public static JsonObject Of(JsonObject fields, JsonObject record, OpenApi openApi)
    {
        var body = new JsonObject();
        foreach (var (name, schema) in fields)
        {
            if (record.TryGetPropertyValue(name, out var value))
            {
                // The request takes no member the answer has besides (a signatory's name): the API refuses one.
                body[name] = Prune(value?.DeepClone(), openApi.Resolve(schema), openApi);
            }
            else if (name.EndsWith("Ids", StringComparison.Ordinal))
            {
                var idName = char.ToLowerInvariant(LastWord(name[..^3])[0]) + LastWord(name[..^3])[1..] + "Id";
                body[name] = record.Select(p => p.Value).OfType<JsonArray>().Where(a => a.Count > 0 && a[0] is JsonObject o && o.ContainsKey(idName))
                    .Select(a => new JsonArray([.. a.Select(e => e![idName]!.DeepClone())])).FirstOrDefault() ?? new JsonArray();
            }
        }

        return body;
    }

    /// <summary>Keeps of a nested value only the members its schema names.</summary>
    private static JsonNode? Prune(JsonNode? value, JsonObject? schema, OpenApi openApi)
    {
        switch (value)
        {
            case JsonObject obj when (schema?["properties"] is JsonObject properties):
                foreach (var (key, inner) in obj.ToList())
                {
                    if (properties[key] is { } property)
                    {
                        Prune(inner, openApi.Resolve(property), openApi);
                    }
                    else
                    {
                        obj.Remove(key);
                    }
                }

                break;
            case JsonArray list when openApi.Resolve(schema?["items"]) is { } items:
                foreach (var item in list)
                {
                    Prune(item, items, openApi);
                }

                break;
        }

        return value;
    }

    private static string LastWord(string camel) => camel[Enumerable.Range(0, camel.Length).Last(i => i == 0 || char.IsUpper(camel[i]))..];
    /// <summary>
    /// A joint record of the collection in the reference body (outside the health track when it has one), and the
    /// request its GET answer makes, accepted unchanged by the default caller (a Kuwaiti secretariat and administrator).
    /// </summary>
    public static async Task<(Guid? Id, JsonObject? Body)> EditableRecordAsync(HttpClient kuwait, string collection, JsonObject fields, Reference reference, List<string> refusals, OpenApi openApi)
    {
        var filter = fields.ContainsKey("jointBodyId") ? $"?jointBodyId={reference.Body.Id}" : string.Empty;
        var items = (await kuwait.ListAsync<JsonObject>(collection + filter))
            .Where(i => (string?)i["visibility"] is null or "joint")
            .Where(i => collection != "/api/people" || (Guid?)i["partyId"] == reference.Kuwait)
            .Where(i => collection != "/api/joint-bodies" || (Guid?)i["id"] == reference.Body.Id)
            .OrderBy(i => (Guid?)i["trackId"] == reference.Health.Id)
            .ThenBy(i => (Guid?)i["sessionId"] == reference.Session16.Id)
            .Take(8)
            .ToList();
        foreach (var item in items)
        {
            var id = (Guid)item["id"]!;
            var body = Of(fields, item, openApi);
            using var control = await kuwait.PutJsonAsync($"{collection}/{id}", body, $"\"{await VersionAsync(kuwait, collection, id)}\"");
            if (control.IsSuccessStatusCode)
            {
                return (id, body);
            }

            refusals.Add($"{collection}/{id}: {(int)control.StatusCode} {await control.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        // Every record of the kind is locked (a signed plan, a concluded session): a copy of one in the open 17th session, as a draft.
        if (items.FirstOrDefault() is { } model)
        {
            var copy = Of(fields, model, openApi);
            foreach (var (key, value) in new (string, JsonNode?)[] { ("sessionId", reference.Session17.Id), ("status", null), ("documentId", null), ("signedOn", null), ("planVersion", 1000 + Random.Shared.Next(1_000_000)) })
            {
                if (copy.ContainsKey(key))
                {
                    copy[key] = value;
                }
            }

            using var created = await kuwait.PostJsonAsync(collection, copy);
            if (created.IsSuccessStatusCode)
            {
                var id = (Guid)(await ApiClient.ReadAsync<JsonObject>(created, HttpStatusCode.Created))["id"]!;
                var body = Of(fields, await kuwait.GetAsync<JsonObject>($"{collection}/{id}"), openApi);
                using var control = await kuwait.PutJsonAsync($"{collection}/{id}", body, "\"1\"");
                if (control.IsSuccessStatusCode)
                {
                    return (id, body);
                }

                refusals.Add($"{collection}/{id} (a copy): {(int)control.StatusCode} {await control.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
            else
            {
                refusals.Add($"{collection} (copying): {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
            }
        }

        return (null, null);
    }

    public static async Task<long> VersionAsync(HttpClient client, string collection, Guid id) =>
        (long)(await client.GetAsync<JsonObject>($"{collection}/{id}"))["version"]!;
}
