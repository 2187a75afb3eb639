using System.Text.RegularExpressions;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Audit;

/// <summary>A record's history reads like a document's: the record named and linked, who and when, what changed in words and values in the reader's language, no code names.</summary>
[Collection(SqliteCollection.Name)]
public sealed class HistoryPageTests(SqliteApp app)
{
    [Fact]
    public async Task AnItemsHistory_InArabic_NamesTheItem_TheChangeInWords_AndLinksBack()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var body = reference.NewItem("An item whose history is read");
        var (item, etag) = await Reference.CreateItemAsync(client, body);
        body["dueOn"] = "2021-12-15";
        body["status"] = "in-progress";
        using (var changed = await client.PutJsonAsync($"/api/action-items/{item.Id}", body, etag))
        {
            await ApiClient.EnsureAsync(changed, System.Net.HttpStatusCode.OK);
        }

        var (viewer, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, viewer);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");
        var page = await browser.GetStringAsync($"/history/{item.Id}", ct);
        var readable = Regex.Replace(page, "<details>.*?</details>", string.Empty, RegexOptions.Singleline);

        Assert.Contains("<bdi data-testid=\"history-of\">تبادل مناهج إدارة المستشفيات</bdi>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/action-items/{item.Id}\" data-testid=\"history-back\"", page, StringComparison.Ordinal);
        Assert.Contains("<strong>إنشاء: بند العمل</strong>", readable, StringComparison.Ordinal);
        Assert.Contains("<strong>تعديل: بند العمل</strong>", readable, StringComparison.Ordinal);
        Assert.Contains("<strong>إضافة: جهة مسؤولة عن البند</strong>", readable, StringComparison.Ordinal);
        // The change: the due date from one day to the other, in words, and the status by its Arabic name.
        Assert.Matches("<th scope=\"row\">تاريخ الاستحقاق</th>\\s*<td><bdi>31 أكتوبر 2021</bdi></td>\\s*<td><bdi>15 ديسمبر 2021</bdi></td>", readable);
        Assert.Matches("<th scope=\"row\">الحالة</th>\\s*<td><bdi>[^<A-Za-z]+</bdi></td>\\s*<td><bdi>[^<A-Za-z]+</bdi></td>", readable);
        Assert.DoesNotContain("ActionItem", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("\"dueOn\"", readable, StringComparison.Ordinal);
        Assert.DoesNotContain(reference.Health.Id.ToString(), readable, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionsHistory_NamesItOnce_AndItsCoChairsTitlesAsPositions()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var (viewer, _) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, viewer);
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ar");

        var page = await browser.GetStringAsync($"/history/{reference.Session16.Id}", ct);

        Assert.Matches("<h1>السجل:\\s*<bdi data-testid=\"history-of\">الدورة 16</bdi>", page);
        Assert.Contains("<th scope=\"row\">المنصب</th>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("place name", page, StringComparison.Ordinal);
    }
}
