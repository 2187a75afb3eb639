using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>
/// Kuwaiti national records of every kind that can be national, planted through the API with a marker in
/// every text they hold, and the records that point at them (a progress update, figures, a file, minutes,
/// a claim, notes): what the other party must never read, count, infer or reach.
/// </summary>
public sealed class NationalPlant
{
    private NationalPlant(string marker, string word) => (Marker, SearchWord) = (marker, word);

    /// <summary>A string found nowhere else, in every text of every planted record.</summary>
    public string Marker { get; }

    /// <summary>Another word of every planted text, to search with (a search box shows what was typed: the marker itself is never typed).</summary>
    public string SearchWord { get; }

    /// <summary>Each planted record and row by what it is (<c>action-items</c>, <c>progress-update</c>…).</summary>
    public Dictionary<string, Guid> Ids { get; } = new(StringComparer.Ordinal);

    public IEnumerable<Guid> All => Ids.Values;

    /// <summary>Records planted national, with the marker, then shared with new texts: joint now, their national past must not show.</summary>
    public List<Guid> Shared { get; } = [];

    /// <summary>The collections whose records were planted national (each kind of record that has a visibility).</summary>
    public IEnumerable<string> Collections => Ids.Keys.Where(k => k.StartsWith("/api/", StringComparison.Ordinal));

    private object Text => new { ar = $"سري {SearchWord} {Marker}", en = $"Secret {SearchWord} {Marker}" };

    public static async Task<NationalPlant> PlantAsync(HttpClient kuwait, Reference reference)
    {
        var plant = new NationalPlant("KWSECRET" + Guid.NewGuid().ToString("N")[..12], "kwfind" + Guid.NewGuid().ToString("N")[..8]);
        var kw = reference.Kuwait;
        object National(Dictionary<string, object?> body)
        {
            body["visibility"] = "national";
            body["ownerPartyId"] = kw;
            return body;
        }

        var agreement = reference.NewAgreement();
        agreement["title"] = plant.Text;
        agreement["summary"] = plant.Text;
        var agreementId = await plant.CreateAsync(kuwait, "/api/agreements", National(agreement));

        // A Kuwaiti officer answers for the national item and for a joint one: the other party reads the officer's
        // workload (the people list's count, the officer's items page, the list by assignee) and must find only the joint one.
        var officer = await plant.SendAsync(kuwait, HttpMethod.Post, "/api/people", new { partyId = kw, names = new[] { new { language = "en", text = "Desk officer " + Guid.NewGuid().ToString("N")[..8], isPreferred = true } } });
        var assignee = new[] { (Guid)officer["id"]! };
        var jointItem = reference.NewItem("A joint item of the desk officer");
        jointItem["assigneePersonIds"] = assignee;
        await plant.SendAsync(kuwait, HttpMethod.Post, "/api/action-items", jointItem);

        var item = reference.NewItem();
        item["title"] = plant.Text;
        item["description"] = plant.Text;
        item["agreementIds"] = new[] { agreementId };
        item["assigneePersonIds"] = assignee;
        var itemId = await plant.CreateAsync(kuwait, "/api/action-items", National(item));
        var updated = await plant.SendAsync(kuwait, HttpMethod.Post, $"/api/action-items/{itemId}/updates", new { partyId = kw, on = "2021-05-01", text = plant.Text, percentComplete = 40 }, "\"1\"");
        plant.Ids["progress-update"] = (Guid)updated["updates"]![0]!["id"]!;

        var obstacleId = await plant.CreateAsync(kuwait, "/api/obstacles", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["trackId"] = reference.Health.Id, ["actionItemId"] = itemId, ["agreementId"] = agreementId,
            ["title"] = plant.Text, ["description"] = plant.Text, ["status"] = "open", ["raisedByPartyId"] = kw, ["raisedOn"] = "2021-05-02",
        }));

        var meetingId = await plant.CreateAsync(kuwait, "/api/meetings", National(new()
        {
            ["sessionId"] = reference.Session17.Id, ["kind"] = "preparatory", ["format"] = "in-person", ["title"] = plant.Text,
            ["place"] = plant.Text, ["agenda"] = plant.Text, ["minutes"] = plant.Text, ["date"] = new { year = 2021, month = 3, day = 1 },
        }));

        var documentId = await plant.CreateAsync(kuwait, "/api/documents", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["kind"] = "other", ["kindLabel"] = plant.Text, ["title"] = plant.Text, ["meetingId"] = meetingId, ["agreementId"] = agreementId,
        }));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("Internal brief " + plant.Marker)), "file", plant.Marker + ".txt");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{documentId}/versions") { Content = form };
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            using var response = await kuwait.SendAsync(request, TestContext.Current.CancellationToken);
            await ApiClient.EnsureAsync(response, HttpStatusCode.Created);
        }

        var indicator = await plant.SendAsync(kuwait, HttpMethod.Post, "/api/indicators", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["trackId"] = reference.Health.Id, ["name"] = plant.Text, ["unit"] = "KWD", ["isCurrency"] = true,
            ["values"] = new[] { new { value = 777.25m, periodStart = "2020-01-01", periodEnd = "2020-12-31" } },
        }));
        plant.Ids["/api/indicators"] = (Guid)indicator["id"]!;
        plant.Ids["indicator-value"] = (Guid)indicator["values"]![0]!["id"]!;

        await plant.CreateAsync(kuwait, "/api/engagements", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["trackId"] = reference.Health.Id, ["sessionId"] = reference.Session17.Id, ["kind"] = "visit",
            ["format"] = "in-person", ["status"] = "planned", ["title"] = plant.Text, ["description"] = plant.Text, ["place"] = plant.Text,
            ["startsOn"] = new { year = 2021, month = 4 },
        }));

        await plant.CreateAsync(kuwait, "/api/notes", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["targetType"] = "action-item", ["targetId"] = itemId, ["language"] = "en", ["text"] = $"Note {plant.SearchWord} {plant.Marker}",
        }));
        plant.Ids["note-on-a-joint-track"] = (Guid)(await plant.SendAsync(kuwait, HttpMethod.Post, "/api/notes", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["targetType"] = "track", ["targetId"] = reference.Health.Id, ["language"] = "ar", ["text"] = $"ملاحظة {plant.SearchWord} {plant.Marker}",
        })))["id"]!;

        var agendaItemId = await plant.CreateAsync(kuwait, "/api/agenda-items", National(new()
        {
            ["sessionId"] = reference.Session17.Id, ["title"] = plant.Text, ["minutes"] = plant.Text, ["durationMinutes"] = 25, ["trackId"] = reference.Health.Id,
        }));

        // A point of Kuwait's own record of the session, from its briefing's minutes, about its national item, obstacle and agreement.
        await plant.CreateAsync(kuwait, "/api/session-points", National(new()
        {
            ["jointBodyId"] = reference.Body.Id, ["sessionId"] = reference.Session17.Id, ["trackId"] = reference.Health.Id, ["agendaItemId"] = agendaItemId,
            ["kind"] = "decided", ["saidByPartyId"] = kw, ["text"] = plant.Text,
            ["actionItemIds"] = new[] { itemId }, ["obstacleIds"] = new[] { obstacleId }, ["agreementIds"] = new[] { agreementId },
        }));

        // A note written national, then shared with another text: the other party reads what was shared, never what it said before.
        var draft = new Dictionary<string, object?>
        {
            ["jointBodyId"] = reference.Body.Id, ["targetType"] = "track", ["targetId"] = reference.Health.Id, ["language"] = "en", ["text"] = $"Draft {plant.SearchWord} {plant.Marker}",
        };
        var note = await plant.SendAsync(kuwait, HttpMethod.Post, "/api/notes", National(draft));
        draft["text"] = "The text both sides may read";
        draft["visibility"] = "joint";
        draft["ownerPartyId"] = null;
        plant.Shared.Add((Guid)(await plant.SendAsync(kuwait, HttpMethod.Put, $"/api/notes/{note["id"]}", draft, "\"1\""))["id"]!);

        var source = (await kuwait.ListAsync<JsonObject>($"/api/sources?jointBodyId={reference.Body.Id}"))[0];
        await plant.CreateAsync(kuwait, "/api/claims", new { recordType = "action-item", recordId = itemId, field = "title", value = $"{plant.SearchWord} {plant.Marker}", sourceId = (Guid)source["id"]!, quote = $"Quote {plant.SearchWord} {plant.Marker}" });
        return plant;
    }

    private async Task<Guid> CreateAsync(HttpClient client, string collection, object body)
    {
        var created = await SendAsync(client, HttpMethod.Post, collection, body);
        var id = (Guid)created["id"]!;
        Ids[collection] = id;
        return id;
    }

    private async Task<JsonObject> SendAsync(HttpClient client, HttpMethod method, string url, object body, string? etag = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, options: ApiClient.Json) };
        if (etag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", etag);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            Assert.Fail($"Planting {url} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        }

        return (await response.Content.ReadFromJsonAsync<JsonObject>(ApiClient.Json, TestContext.Current.CancellationToken))!;
    }
}
