using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.ActionItems;

namespace Entente.IntegrationTests.Api;

/// <summary>The 16th session's action plan exported: every joint item, in logical order, in both languages; right-to-left tables in Arabic DOCX.</summary>
public abstract class ActionPlanExportTests(EntenteApp app)
{
    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Pdf_ListsEveryItemOfThePlan_InLogicalOrder(string lang)
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var plan = await reference.Plan16Async(client);
        var items = await client.ListAsync<ActionItemResponse>($"/api/action-items?actionPlanId={plan.Id}");

        using var response = await client.GetAsync($"/api/action-plans/{plan.Id}/export?format=pdf&lang={lang}", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        var text = (await PrintedText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken), $"action-plan-16-{lang}", layout: true));

        Assert.Contains(PrintedText.Words(lang == "ar" ? plan.Title.Ar! : plan.Title.En!), PrintedText.Words(text), StringComparison.Ordinal);
        Assert.NotEmpty(items);
        foreach (var item in items.Where(i => i.Visibility == Entente.Domain.Visibility.Joint))
        {
            // Each title sits in a table cell that wraps over several lines; read back in layout mode, its lines stay in their column, interleaved with the row's other cells.
            var title = lang == "ar" ? item.Title.Ar! : item.Title.En!;
            Assert.True(PrintedText.ContainsInOrder(text, title), $"The PDF does not read back «{title}» in order.");
        }
    }

    [Fact]
    public async Task AnUnsignedPlan_Printed_ListsTheCoChairsInTheBodysOrder_WithABlockToSignIn_AndEveryPageSaysWhatItIs()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var coChairs = reference.Session16.CoChairs.Select(c => new { personId = c.PersonId, partyId = c.PartyId, title = c.Title }).ToArray();
        var session = await client.CreateAsync<Entente.Web.Features.Sessions.SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided", coChairs });
        var plan = await client.CreateAsync<Entente.Web.Features.ActionPlans.ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة تُوقَّع على الورق", en = "A plan signed on paper" } });

        var html = await client.GetStringAsync($"/api/action-plans/{plan.Id}/export?format=html&lang=ar", ct);

        // The Kuwait–UK group names Kuwait first: so do both versions of its plan, whatever the order of the signed text.
        var kuwaiti = reference.Session16.CoChairs.Single(c => c.PartyId == reference.Kuwait).Title.Ar!;
        var british = reference.Session16.CoChairs.Single(c => c.PartyId == reference.UnitedKingdom).Title.Ar!;
        Assert.True(html.IndexOf(kuwaiti, StringComparison.Ordinal) < html.IndexOf(british, StringComparison.Ordinal), "The Kuwaiti co-chair comes after the British one.");
        Assert.Contains("<h2>التوقيع</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">التوقيع</th>", html, StringComparison.Ordinal);
        Assert.Contains("@top-center { content: \"خطة تُوقَّع على الورق\"", html, StringComparison.Ordinal);
        Assert.Contains("counter(page) \" من \" counter(pages)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleThatTriesToCloseTheStyle_StaysTextInThePagesMargins()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<Entente.Web.Features.Sessions.SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        var plan = await client.CreateAsync<Entente.Web.Features.ActionPlans.ActionPlanResponse>("/api/action-plans", new { sessionId = session.Id, title = new { ar = "خطة", en = "Plan </style><script>alert(1)</script> \\\" end" } });

        var html = await client.GetStringAsync($"/api/action-plans/{plan.Id}/export?format=html&lang=en", TestContext.Current.CancellationToken);
        var head = html[..html.IndexOf("</head>", StringComparison.Ordinal)];

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(head, "</style>"));
        Assert.DoesNotContain("<script>", head, StringComparison.Ordinal);
        Assert.Contains("Plan \\3C /style\\3E ", head, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docx_Arabic_HasARightToLeftTableOfTheItems()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var plan = await reference.Plan16Async(client);

        using var response = await client.GetAsync($"/api/action-plans/{plan.Id}/export?format=docx&lang=ar", TestContext.Current.CancellationToken);
        await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var word = WordprocessingDocument.Open(stream, false);
        var table = Assert.Single(word.MainDocumentPart!.Document!.Body!.Elements<Table>());

        Assert.NotNull(table.GetFirstChild<TableProperties>()?.GetFirstChild<BiDiVisual>());
        Assert.Equal(["#", "المسار", "البند", "الجهات المسؤولة", "الاستحقاق"], table.Elements<TableRow>().First().Elements<TableCell>().Select(c => c.InnerText));
        Assert.True(table.Elements<TableRow>().Count() > 10);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ActionPlanExportTestsOnSqlite(SqliteApp app) : ActionPlanExportTests(app);
