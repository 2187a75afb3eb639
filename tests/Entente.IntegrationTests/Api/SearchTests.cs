using System.Net;
using System.Text.Json.Nodes;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Search;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>
/// One search over every record a reader may see (ADR 0011), through the API on each database: every kind is
/// found by a word of its text, the index follows saves and removals in their transaction, hits are ranked
/// and counted per kind and body, and the other party's national records are never found, counted or quoted.
/// </summary>
public abstract class SearchTests(EntenteApp app)
{
    [Fact]
    public async Task Search_NationalRecordsOfEveryKind_AreFoundByTheirParty_AndByNoRoleOfTheOther()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var plant = await NationalPlant.PlantAsync(kuwait, reference);

        // Kuwait finds its own national records, each kind of them, by a word they hold; the file's words find the document.
        var own = await SearchAsync(kuwait, plant.SearchWord, "pageSize=50");
        var kinds = own.Items.Select(h => h.Kind).ToHashSet();
        foreach (var kind in new[] { "agreement", "actionItem", "progressUpdate", "obstacle", "meeting", "document", "indicator", "engagement", "note", "agendaItem", "sessionPoint", "claim" })
        {
            Assert.Contains(kind, kinds);
        }

        Assert.Equal(own.Total, own.Facets.Kinds.Values.Sum());
        var brief = await SearchAsync(kuwait, "internal brief " + plant.Marker);
        Assert.Equal("document", Assert.Single(brief.Items).Kind);
        Assert.True(brief.EveryWord);

        foreach (var (name, role, administrator) in Readers.EveryRole)
        {
            var (_, token) = await app.NewAccountAsync("GB", administrator, role, role == MemberRole.TrackLead ? [reference.Health.Id] : []);
            var reader = app.CreateClient(token, null);
            foreach (var q in new[] { plant.SearchWord, plant.Marker, "سري " + plant.SearchWord, "\"secret " + plant.SearchWord + "\"", "internal brief" })
            {
                using var response = await reader.GetAsync($"/api/search?q={Uri.EscapeDataString(q)}&pageSize=50", TestContext.Current.CancellationToken);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                // The answer repeats what was typed: the rest of it must hold no trace of the national records.
                var answer = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
                Assert.Equal(q, (string?)answer["q"]);
                answer.Remove("q");
                var text = answer.ToJsonString();
                Assert.DoesNotContain(plant.Marker, text, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(plant.SearchWord, text, StringComparison.OrdinalIgnoreCase);
                foreach (var id in plant.All)
                {
                    Assert.DoesNotContain(id.ToString(), text, StringComparison.OrdinalIgnoreCase);
                }

                if (q != "internal brief")
                {
                    Assert.True((int)answer["total"]! == 0, $"A {name} of the other party found {answer["total"]} hits for '{q}': {text}");
                    Assert.Empty(answer["facets"]!["kinds"]!.AsObject());
                    Assert.Empty(answer["facets"]!["jointBodies"]!.AsObject());
                }
            }
        }
    }

    [Fact]
    public async Task Search_TheReferenceCase_FindsSessionsPeoplePartiesTracksAndSourcesAsPeopleTypeThem()
    {
        var client = app.CreateClient();

        Assert.Contains((await SearchAsync(client, "Khalid Jarallah")).Items, h => h.Kind == "person" && h.Title.En?.Contains("Jarallah", StringComparison.Ordinal) == true);
        Assert.Contains((await SearchAsync(client, "الجار الله")).Items, h => h.Kind == "person");
        Assert.Contains((await SearchAsync(client, "Cleverley")).Items, h => h.Kind == "person" && h.Title.En?.Contains("Cleverly", StringComparison.Ordinal) == true);
        Assert.Contains((await SearchAsync(client, "المملكة المتحده")).Items, h => h.Kind == "party");
        Assert.Contains((await SearchAsync(client, "Cyber Security Centre")).Items, h => h.Kind == "institution");
        Assert.Contains((await SearchAsync(client, "أمن الطيران", "type=track")).Items, h => h.Title.En == "Aviation security");
        Assert.Contains((await SearchAsync(client, "16th session", "type=session")).Items, h => h.Title.En?.StartsWith("Session 16", StringComparison.Ordinal) == true);
        Assert.StartsWith("Session 16 (16th)", (await SearchAsync(client, "الدورة السادسة عشرة", "type=session")).Items[0].Title.En, StringComparison.Ordinal);
        Assert.StartsWith("Session 17 (17th)", (await SearchAsync(client, "seventeenth session", "type=session")).Items[0].Title.En, StringComparison.Ordinal);
        Assert.Contains((await SearchAsync(client, "البيان المشترك للدورة 16", "type=statement")).Items, h => h.Title.Ar == "البيان المشترك للدورة 16");
        Assert.Contains((await SearchAsync(client, "تختتم أعمال دورتها", "type=source")).Items, h => h.Kind == "source");
        Assert.NotEmpty((await SearchAsync(client, "البيان المشترك", "type=statement")).Items);
    }

    [Fact]
    public async Task Search_FollowsEverySave_AChangedTitleIsFoundByItsNewWordsOnly_AndAProgressUpdateAsItself()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var before = "kestrel" + Token();
        var after = "osprey" + Token();
        var body = reference.NewItem($"Survey the {before} habitat");
        body["title"] = new { ar = $"مسح موائل الطيور {before}", en = $"Survey the {before} habitat" };
        var (item, etag) = await Reference.CreateItemAsync(client, body);
        Assert.Equal(item.Id, Assert.Single((await SearchAsync(client, before)).Items).Id);

        body["title"] = new { ar = $"مسح موائل الطيور {after}", en = $"Survey the {after} habitat" };
        using (var put = await client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag))
        {
            await ApiClient.EnsureAsync(put, HttpStatusCode.OK);
            etag = put.Headers.ETag!.Tag;
        }

        Assert.Empty((await SearchAsync(client, before)).Items);
        Assert.Equal(item.Id, Assert.Single((await SearchAsync(client, after)).Items).Id);

        // A progress update is found as itself and leads to its item.
        var progress = "heron" + Token();
        using (var update = await client.PostJsonAsync($"/api/action-items/{item.Id}/updates", new { partyId = reference.Kuwait, on = "2021-06-01", text = new { ar = $"اكتمل المسح {progress}", en = $"The survey of the {progress} colony is complete" } }, etag))
        {
            await ApiClient.EnsureAsync(update, HttpStatusCode.OK);
            etag = update.Headers.ETag!.Tag;
        }

        var hit = Assert.Single((await SearchAsync(client, progress)).Items);
        Assert.Equal(("progressUpdate", item.Id), (hit.Kind, hit.ParentId!.Value));
        Assert.Equal($"/action-items/{item.Id}", hit.Href);

        Assert.Empty((await SearchAsync(client, before)).Items);
    }

    [Fact]
    public async Task Search_ANationalRecordShared_IsFoundByTheOtherPartyFromThatSave_WithItsSharedTextOnly()
    {
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var (_, token) = await app.NewAccountAsync("GB", false, MemberRole.Viewer);
        var britain = app.CreateClient(token, null);
        var draft = "plover" + Token();
        var shared = "curlew" + Token();
        var body = reference.NewItem($"Draft position on the {draft}");
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.Kuwait;
        var (item, etag) = await Reference.CreateItemAsync(kuwait, body);
        Assert.Single((await SearchAsync(kuwait, draft)).Items);
        Assert.Equal(0, (await SearchAsync(britain, draft)).Total);

        body["title"] = new { ar = $"موقف مشترك بشأن {shared}", en = $"Joint position on the {shared}" };
        body["visibility"] = "joint";
        body["ownerPartyId"] = null;
        using (var put = await kuwait.PutJsonAsync($"/api/action-items/{item.Id}", body, etag))
        {
            await ApiClient.EnsureAsync(put, HttpStatusCode.OK);
        }

        Assert.Equal(item.Id, Assert.Single((await SearchAsync(britain, shared)).Items).Id);
        Assert.Equal(0, (await SearchAsync(britain, draft)).Total);
    }

    [Fact]
    public async Task Search_RanksATitleAboveAMention_AndEveryWordAboveSomeOfThem_AndMarksTheWordsFound()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var word = "pelican" + Token();
        var other = "gannet" + Token();
        var mention = reference.NewItem("Review the coastal reserves");
        mention["title"] = new { ar = "مراجعة المحميات الساحلية", en = "Review the coastal reserves" };
        mention["description"] = new { ar = $"ومنها ما يخص {word}", en = $"Among them, the reserves of the {word} and many other birds that winter on the coast of both countries." };
        var (mentioned, _) = await Reference.CreateItemAsync(client, mention);
        var titled = reference.NewItem($"Protect the {word} colonies");
        titled["title"] = new { ar = $"حماية مستعمرات {word}", en = $"Protect the {word} colonies" };
        titled["description"] = new { ar = $"مع {other}", en = $"Together with the {other}" };
        var (inTitle, _) = await Reference.CreateItemAsync(client, titled);

        var ranked = await SearchAsync(client, word);
        Assert.Equal([inTitle.Id, mentioned.Id], ranked.Items.Select(h => h.Id));
        Assert.True(ranked.EveryWord);
        Assert.Contains(ranked.Items[1].Snippet, p => p.Marked && p.Text == word);
        Assert.Equal(2, ranked.Facets.Kinds["actionItem"]);
        Assert.Equal(2, ranked.Facets.JointBodies[reference.Body.Id]);

        // Only one holds both words: it alone is found. No record holds a word no record has: those with the others are given, and said to be so.
        Assert.Equal([inTitle.Id], (await SearchAsync(client, $"{word} {other}")).Items.Select(h => h.Id));
        var some = await SearchAsync(client, $"{word} {other} unheard{Token()}");
        Assert.False(some.EveryWord);
        Assert.Equal([inTitle.Id, mentioned.Id], some.Items.Select(h => h.Id));
        Assert.All(some.Items, h => Assert.False(h.EveryWord));

        // A phrase in quotes finds its words one after the other only.
        Assert.Equal([inTitle.Id], (await SearchAsync(client, $"\"protect the {word}\"")).Items.Select(h => h.Id));
        Assert.Empty((await SearchAsync(client, $"\"{word} protect\"")).Items);
    }

    [Fact]
    public async Task Search_AWordMisspelt_FindsTheRecordsSpeltNearIt_AndSaysSo()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var word = "quokka" + Token();
        var (item, _) = await Reference.CreateItemAsync(client, reference.NewItem($"Run a ransomware drill with the {word} team"));

        var typed = await SearchAsync(client, $"ransomware {word}");
        Assert.False(typed.NearSpellings);
        Assert.Equal(item.Id, Assert.Single(typed.Items).Id);

        var misspelt = await SearchAsync(client, $"ransomeware {word}");
        Assert.True(misspelt.NearSpellings);
        Assert.True(misspelt.EveryWord);
        Assert.Equal(item.Id, Assert.Single(misspelt.Items).Id);
        Assert.Contains(misspelt.Items[0].Snippet, p => p.Marked && p.Text == "ransomware");
    }

    [Fact]
    public async Task Search_Filters_ByKindBodyTrackAndDays_AndCountsEachFacetAsIfItsOwnFilterWereUnset()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var word = "cormorant" + Token();
        var early = reference.NewItem($"Count the {word} nests");
        early["dueOn"] = "2021-03-31";
        var (earlyItem, _) = await Reference.CreateItemAsync(client, early);
        var late = reference.NewItem($"Ring the {word} chicks");
        late["dueOn"] = "2022-09-30";
        late["trackId"] = reference.Tracks.First(t => t.Id != reference.Health.Id && t.Leads.Count > 0).Id;
        late["ownerInstitutionIds"] = reference.Tracks.First(t => t.Id == (Guid)late["trackId"]!).Leads.Select(l => l.InstitutionId).ToArray();
        var (lateItem, _) = await Reference.CreateItemAsync(client, late);
        var agreement = reference.NewAgreement();
        agreement["title"] = new { ar = $"مذكرة تفاهم لحماية {word}", en = $"MoU on protecting the {word}" };
        await client.CreateAsync<JsonObject>("/api/agreements", agreement);

        var all = await SearchAsync(client, word);
        Assert.Equal(3, all.Total);
        var items = await SearchAsync(client, word, "type=action-item");
        Assert.Equal(2, items.Total);
        Assert.Equal(all.Facets.Kinds, items.Facets.Kinds);
        Assert.Equal([earlyItem.Id], (await SearchAsync(client, word, $"trackId={reference.Health.Id}&type=actionItem")).Items.Select(h => h.Id));
        Assert.Equal([lateItem.Id], (await SearchAsync(client, word, "from=2022-01-01&to=٢٠٢٢-١٢-٣١")).Items.Select(h => h.Id));
        Assert.Equal(3, (await SearchAsync(client, word, $"jointBodyId={reference.Body.Id}")).Total);
        Assert.Equal(0, (await SearchAsync(client, word, $"jointBodyId={Guid.NewGuid()}")).Total);
        Assert.Equal(2, (await SearchAsync(client, word, "type=actionItem,agreement&pageSize=1")).Items.Count + 1);
    }

    [Fact]
    public async Task Search_FindsADocumentByTheWordsOfItsFiles_WordAndArabicPdf_AndItsNewVersionsOnly()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var word = "sandgrouse" + Token();
        var document = await client.CreateAsync<JsonObject>("/api/documents", new { jointBodyId = reference.Body.Id, kind = "other", kindLabel = new { ar = "مذكرة داخلية", en = "Briefing" }, title = new { ar = "إحاطة", en = "Briefing" } });
        var id = (Guid)document["id"]!;

        // A Word file: its paragraphs in both languages are found.
        var etag = await UploadAsync(client, id, "\"1\"", "brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Docx($"محطات الرصد الساحلية {word}", $"Coastal monitoring stations for the {word}"));
        Assert.Equal(id, Assert.Single((await SearchAsync(client, "محطة الرصد " + word)).Items).Id);
        Assert.Equal(id, Assert.Single((await SearchAsync(client, "monitoring station " + word)).Items).Id);

        // A PDF printed in Arabic (the statement's export): its words are read in writing order, not as drawn.
        var statement = await client.GetAsync<Entente.Web.Features.Statements.StatementResponse>($"/api/sessions/{reference.Session16.Id}/statement");
        using var pdf = await client.GetAsync($"/api/statements/{statement.Id}/export?format=pdf&lang=ar", TestContext.Current.CancellationToken);
        if (pdf.StatusCode == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Skip("No chromium to print the PDF with.");
        }

        await UploadAsync(client, id, etag, "statement.pdf", "application/pdf", await pdf.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var found = await SearchAsync(client, "اختتمت مجموعة التوجيه", $"type=document&jointBodyId={reference.Body.Id}");
        Assert.Contains(found.Items, h => h.Id == id);
        Assert.Empty((await SearchAsync(client, word, "type=document")).Items); // the latest file is what is found
    }

    [Fact]
    public async Task Search_EntriesOfAnEarlierAnalysis_AreMadeAgainAfterTheNextStart_WhileTheProgramServes()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var word = "bustard" + Token();
        var (item, _) = await Reference.CreateItemAsync(client, reference.NewItem($"Count the {word} population"));
        Assert.Single((await SearchAsync(client, word)).Items);

        // As an older version of the program left them: made by another analysis, their terms not the ones this one makes.
        await using (var scope = app.Scope(out var db))
        {
            await db.SearchEntries.Where(e => e.RootId == item.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.AnalysisVersion, 0).SetProperty(e => e.TitleTerms, "x").SetProperty(e => e.BodyTerms, "x"), ct);
        }

        Assert.Empty((await SearchAsync(client, word)).Items);
        await using var instance = app.NewInstance();
        var next = instance.CreateClient();
        next.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.DefaultToken);
        var found = false;
        for (var i = 0; i < 120 && !found; i++)
        {
            found = (await SearchAsync(next, word)).Items.Any(h => h.Id == item.Id);
            if (!found)
            {
                await Task.Delay(500, ct);
            }
        }

        Assert.True(found, "The entries of the earlier analysis were not made again.");
        await using (var scope = app.Scope(out var db))
        {
            Assert.False(await db.SearchEntries.AnyAsync(e => e.AnalysisVersion != Entente.Data.Search.SearchAnalysis.Version, ct));
        }
    }

    [Theory]
    [InlineData("", "q")]
    [InlineData("q=", "q")]
    [InlineData("q=%20%20", "q")]
    [InlineData("q=health&type=meetingz", "type")]
    [InlineData("q=health&from=2022-13-01", "from")]
    [InlineData("q=health&from=2022-02-01&to=2022-01-01", "to")]
    [InlineData("q=health&pageSize=51", "pageSize")]
    [InlineData("q=health&page=0", "page")]
    [InlineData("q=%E2%80%AEhealth", "q")]
    [InlineData("q=%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA%EF%B7%BA", "q")]
    [InlineData("q=a1+a2+a3+a4+a5+a6+a7+a8+a9+b1+b2+b3+b4+b5+b6+b7+b8+b9+c1+c2+c3+c4+c5+c6+c7+c8+c9+d1+d2+d3+d4+d5+d6", "q")]
    [InlineData("q=the+of+and", "q")]
    public async Task Search_ABadParameter_IsA400NamingIt(string query, string field)
    {
        var client = app.CreateClient();

        using var response = await client.GetAsync("/api/search?" + query, TestContext.Current.CancellationToken);

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_AnAnonymousCaller_IsRefused()
    {
        using var response = await app.CreateClient(null, null).GetAsync("/api/search?q=health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SearchPage_InArabic_ShowsMarkedHitsWithLinksAndCounts()
    {
        var (account, _) = await app.NewAccountAsync("KW", false, MemberRole.Viewer);
        var client = await PageSession.SignedInClientAsync(app, account);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var html = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("الجارالله"), TestContext.Current.CancellationToken);

        Assert.Contains("<mark>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/people/edit/", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"search-count\"", html, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryList_TakesQ_AsSearchFindsIt_AndAListPageOffersIt()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var agreements = await client.GetAsync<Entente.Web.Infrastructure.PageOf<JsonObject>>($"/api/agreements?jointBodyId={reference.Body.Id}&q=cyber-security&pageSize=200");
        Assert.NotEmpty(agreements.Items);
        Assert.All(agreements.Items, a => Assert.Contains("yber", (string?)a["title"]!["en"], StringComparison.Ordinal));
        var all = await client.GetAsync<Entente.Web.Infrastructure.PageOf<JsonObject>>($"/api/agreements?jointBodyId={reference.Body.Id}&pageSize=200");
        Assert.True(all.Total > agreements.Total);
        foreach (var list in new[] { "sessions", "meetings", "tracks", "obstacles", "indicators", "engagements", "notes", "sources", "claims", "documents", "action-plans", "session-points", "statements", "people", "parties", "institutions", "joint-bodies" })
        {
            using var none = await client.GetAsync($"/api/{list}?q={Token()}zz", TestContext.Current.CancellationToken);
            Assert.Equal(0, (int)JsonNode.Parse(await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["total"]!);
        }

        var (account, _) = await app.NewAccountAsync("KW", false, MemberRole.Viewer);
        var page = await (await PageSession.SignedInClientAsync(app, account)).GetStringAsync($"/bodies/{reference.Body.Id}/agreements?q=cybersecurity", TestContext.Current.CancellationToken);
        Assert.Contains("data-testid=\"list-q\"", page, StringComparison.Ordinal);
        Assert.Contains("Cybersecurity", page, StringComparison.Ordinal);
        Assert.DoesNotContain("MoU on Public Health", page, StringComparison.Ordinal);
    }

    private static string Token() => Guid.NewGuid().ToString("N")[..8];

    private static async Task<string> UploadAsync(HttpClient client, Guid document, string etag, string name, string mediaType, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        form.Add(file, "file", name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{document}/versions") { Content = form };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.Created);
        return (await client.GetAsync($"/api/documents/{document}", TestContext.Current.CancellationToken)).Headers.ETag!.Tag;
    }

    private static byte[] Docx(params string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (var word = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body(
                paragraphs.Select(p => new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p))))));
        }

        return stream.ToArray();
    }

    private static async Task<SearchResponse> SearchAsync(HttpClient client, string q, string more = "")
    {
        var url = $"/api/search?q={Uri.EscapeDataString(q)}" + (more.Length > 0 ? "&" + more : string.Empty);
        return await client.GetAsync<SearchResponse>(url);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SearchTestsOnSqlite(SqliteApp app) : SearchTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SearchTestsOnPostgres(PostgresApp app) : SearchTests(app);
