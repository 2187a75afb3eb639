using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Platform;

/// <summary>
/// What an Arabic reader who chose Arabic-Indic digits reads (issue 19): a percentage with the Arabic percent sign,
/// a count of minutes as Arabic counts them, a year never grouped like an amount, the calendar's file kind kept
/// whole in a right-to-left line.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ReaderTextTests(SqliteApp app)
{
    [Fact]
    public async Task AnArabicReaderWithArabicIndicDigits_ReadsPercentagesCountsAndYearsAsWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var reference = await Reference.LoadAsync(api);
        var (item, etag) = await Reference.CreateItemAsync(api, reference.NewItem("Share the audit of cold-chain storage"));
        using (var update = await api.PostJsonAsync($"/api/action-items/{item.Id}/updates", new { partyId = reference.Kuwait, on = "2021-05-01", text = new { ar = "اكتمل نصف العمل", en = "Half done" }, percentComplete = 40 }, etag))
        {
            await ApiClient.EnsureAsync(update, HttpStatusCode.OK);
        }

        var (account, _) = await app.NewAccountAsync("KW", false, MemberRole.Viewer);
        await using (var scope = app.Scope(out var db))
        {
            await db.Set<Entente.Data.Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ArabicIndicDigits, true), ct);
        }

        var reader = await PageSession.SignedInClientAsync(app, account);
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var itemPage = await reader.GetStringAsync($"/action-items/{item.Id}", ct);
        Assert.Contains("٤٠٪", itemPage, StringComparison.Ordinal);
        Assert.DoesNotContain("٤٠%", itemPage, StringComparison.Ordinal);

        var session = await reader.GetStringAsync($"/sessions/{reference.Session16.Id}", ct);
        Assert.Contains("٢٠٢٠", session, StringComparison.Ordinal);
        Assert.DoesNotContain("٢٬٠٢٠", session, StringComparison.Ordinal);

        var english = await PageSession.SignedInClientAsync(app, (await app.NewAccountAsync("GB", false, MemberRole.Viewer)).Account);
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var page = await english.GetStringAsync($"/sessions/{reference.Session16.Id}", ct);
        Assert.Contains("2020", page, StringComparison.Ordinal);
        Assert.DoesNotContain("2,020", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "دقيقة واحدة")]
    [InlineData(2, "دقيقتان")]
    [InlineData(10, "١٠ دقائق")]
    [InlineData(11, "١١ دقيقة")]
    [InlineData(25, "٢٥ دقيقة")]
    public async Task MinutesOfAnAgendaItem_AreCountedAsArabicCountsThem(int minutes, string shown)
    {
        var ct = TestContext.Current.CancellationToken;
        var api = app.CreateClient();
        var reference = await Reference.LoadAsync(api);
        var title = "تمرين " + Guid.NewGuid().ToString("N")[..6];
        await api.CreateAsync<System.Text.Json.Nodes.JsonObject>("/api/agenda-items", new { sessionId = reference.Session17.Id, title = new { ar = title, en = "Drill" }, durationMinutes = minutes });
        var (account, _) = await app.NewAccountAsync("KW", false, MemberRole.Viewer);
        await using (var scope = app.Scope(out var db))
        {
            await db.Set<Entente.Data.Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.ArabicIndicDigits, true), ct);
        }

        var reader = await PageSession.SignedInClientAsync(app, account);
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var agenda = await reader.GetStringAsync($"/sessions/{reference.Session17.Id}/agenda", ct);

        var row = agenda[agenda.IndexOf(title, StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        var before = agenda[..agenda.IndexOf(title, StringComparison.Ordinal)];
        Assert.Contains(shown, before[before.LastIndexOf("<tr", StringComparison.Ordinal)..] + row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHijriReader_ReadsAnAnnualFigureByItsGregorianYear_AndNoChartLabelStartsOutsideTheChart()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        // A figure of academic years: whole months, September to August.
        await app.CreateClient().CreateAsync<System.Text.Json.Nodes.JsonObject>("/api/indicators", new
        {
            jointBodyId = reference.Body.Id,
            name = new { ar = "طلبة في سنة دراسية", en = "Students in an academic year" },
            unit = "students",
            values = new[] { new { value = 410m, periodStart = "2019-09-01", periodEnd = "2020-08-31" }, new { value = 450m, periodStart = "2020-09-01", periodEnd = "2021-08-31" } },
        });
        var (account, _) = await app.NewAccountAsync("KW", false, MemberRole.Viewer);
        await using (var scope = app.Scope(out var db))
        {
            await db.Set<Entente.Data.Account>().Where(a => a.Id == account.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.HijriDates, true), ct);
        }

        var reader = await PageSession.SignedInClientAsync(app, account);
        reader.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var dashboard = await reader.GetStringAsync($"/bodies/{reference.Body.Id}", ct);
        // The charts' texts read as the reader reads them (the page writes some of their letters as character references).
        var charts = System.Text.RegularExpressions.Regex.Matches(dashboard, "<svg class=\"chart\"[^>]*data-testid=\"indicator-chart\">.*?</svg>", System.Text.RegularExpressions.RegexOptions.Singleline)
            .Select(m => WebUtility.HtmlDecode(m.Value)).ToList();

        Assert.NotEmpty(charts);
        // The trade volume of 2019 is a figure of the year 2019, not of a Hijri day.
        Assert.Contains(charts, c => c.Contains(">2019</text>", StringComparison.Ordinal));
        Assert.Contains(charts, c => c.Contains(">سبتمبر 2019 – أغسطس 2020</text>", StringComparison.Ordinal));
        Assert.All(charts, c => Assert.DoesNotContain("هـ", c, StringComparison.Ordinal));
        // A chart of several points anchors its first and last labels inwards.
        Assert.All(charts.Where(c => System.Text.RegularExpressions.Regex.Count(c, "<circle") > 1), c =>
            Assert.Contains("text-anchor=\"start\"", c, StringComparison.Ordinal));
    }
}
