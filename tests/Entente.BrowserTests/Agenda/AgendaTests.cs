using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Agenda;

/// <summary>The 17th session's agenda in the browser: the carried items, reordering, minutes through both sides' approval to locked, an outcome, the minutes as PDF.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class AgendaTests(DemoSite site)
{
    [Fact]
    public async Task Agenda_CarriedItemMinutesApprovedByBothSidesAndLocked_WithAnOutcome()
    {
        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        await Navigate.SessionAsync(kw, 17);
        await kw.Locator("[data-testid=agenda]").ClickAsync();
        await kw.WaitForURLAsync(new Regex("/agenda$"));
        var agenda = new Uri(kw.Url).AbsolutePath;
        var rows = kw.Locator("[data-testid=agenda] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("الافتتاح وإقرار جدول الأعمال");
        await Assertions.Expect(kw.Locator("[data-testid=agenda]")).ToContainTextAsync("متابعة: تفعيل مذكرة التفاهم الموقعة في مجال الأمن السيبراني");
        await Assertions.Expect(kw.Locator("[data-testid=agenda]")).ToContainTextAsync("عقبة:");
        await kw.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "agenda-ar-KW.png"), FullPage = true });

        // The opening moves down one place; it now starts after the item that took its place.
        await rows.First.Locator("[data-testid=down]").ClickAsync();
        await kw.WaitForURLAsync(new Regex("/agenda#item-"));
        await Assertions.Expect(rows.Nth(1)).ToContainTextAsync("الافتتاح وإقرار جدول الأعمال");
        await Assertions.Expect(rows.First).ToContainTextAsync("10:00");

        await kw.Locator("[data-testid=agenda] a", new() { HasText = "متابعة: تفعيل مذكرة التفاهم الموقعة في مجال الأمن السيبراني" }).ClickAsync();
        await kw.WaitForURLAsync(new Regex("/agenda-items/[0-9a-f-]{36}$"));
        var item = new Uri(kw.Url).AbsolutePath;
        await kw.Locator("#minutes-ar").FillAsync("اتفق الجانبان على تسمية الجهة الكويتية المنفذة لمذكرة التفاهم قبل نهاية الربع الأول.");
        await kw.Locator("#minutes-en").FillAsync("The two sides agreed that the Kuwaiti implementing body for the MoU will be named before the end of the first quarter.");
        await kw.Locator("[data-testid=save-minutes]").ClickAsync();
        await kw.Locator("input[name=Kind][value=new-action-item]").CheckAsync();
        await kw.Locator("#o-title-ar").FillAsync("تسمية الجهة الكويتية المنفذة لمذكرة التفاهم السيبرانية");
        await kw.Locator("#o-title-en").FillAsync("Name the Kuwaiti implementing body for the cyber MoU");
        await kw.Locator("#o-due").FillAsync("2027-03-31");
        await kw.Locator("[data-testid=record-outcome]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=outcomes]")).ToContainTextAsync("تسمية الجهة الكويتية المنفذة");
        await kw.Locator("[data-testid=propose]").ClickAsync();
        await kw.Locator("[data-testid=approve-minutes]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("مقترح");

        var gb = await SignIn.AsAsync(site, "secretariat.gb@demo.local");
        await gb.GotoAsync(item);
        await Assertions.Expect(gb.Locator("[data-testid=minutes-en]")).ToContainTextAsync("before the end of the first quarter");
        await gb.Locator("[data-testid=approve-minutes]").ClickAsync();
        await Assertions.Expect(gb.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("Approved");
        await gb.Locator("[data-testid=lock]").ClickAsync();
        await Assertions.Expect(gb.Locator("[data-testid=minutes-status]")).ToHaveTextAsync("Locked");
        await Assertions.Expect(gb.Locator("[data-testid=record-outcome]")).ToHaveCountAsync(0);
        await Assertions.Expect(gb.Locator("#minutes-en")).ToHaveCountAsync(0);
        await gb.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "agenda-item-locked-en-GB.png"), FullPage = true });

        // A Kuwaiti internal briefing added at the end: national for Kuwait, unseen by the UK.
        await kw.GotoAsync(agenda);
        await kw.Locator("#a-title-ar").FillAsync("إحاطة داخلية للوفد الكويتي قبل الختام");
        await kw.Locator("#a-title-en").FillAsync("Internal briefing of the Kuwaiti delegation before closing");
        await kw.Locator("input[name=Visibility][value=national]").CheckAsync();
        await kw.Locator("[data-testid=add-agenda-item]").ClickAsync();
        await Assertions.Expect(rows.Last).ToContainTextAsync("إحاطة داخلية للوفد الكويتي قبل الختام");
        await Assertions.Expect(rows.Last.Locator(".badge.national")).ToBeVisibleAsync();
        await gb.GotoAsync(agenda);
        await Assertions.Expect(gb.Locator("[data-testid=agenda]")).Not.ToContainTextAsync("Internal briefing");

        var download = await kw.RunAndWaitForDownloadAsync(() => kw.Locator("[data-testid=export-minutes-pdf]").ClickAsync());
        var file = Path.Combine(DemoSite.ScreenshotDir, "minutes-17-ar.pdf");
        await download.SaveAsAsync(file);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken))[..4]));
    }

    [Fact]
    public async Task MeetingAgenda_FromTheMeetingsPage_InArabic_BuiltApartFromTheSessions()
    {
        var ct = TestContext.Current.CancellationToken;
        string meeting;
        using (var api = await site.ApiClientAsync("secretariat.kw@demo.local"))
        {
            var body = (await api.GetFromJsonAsync<JsonObject>("/api/joint-bodies", ct))!["items"]!.AsArray().First(b => b!["name"]!["en"]!.GetValue<string>() == "Kuwait–UK Joint Steering Group")!["id"]!.GetValue<string>();
            var session = (await api.GetFromJsonAsync<JsonObject>($"/api/sessions?jointBodyId={body}", ct))!["items"]!.AsArray().First(s => s!["number"]!.GetValue<int>() == 17)!["id"]!.GetValue<string>();
            using var created = await api.PostAsJsonAsync("/api/meetings", new JsonObject
            {
                ["sessionId"] = session, ["kind"] = "working-group", ["format"] = "video-conference",
                ["title"] = new JsonObject { ["ar"] = "اجتماع فريق العمل الاقتصادي", ["en"] = "Economic working group meeting" },
            }, ct);
            Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
            meeting = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
        }

        var kw = await SignIn.AsAsync(site, "secretariat.kw@demo.local", "ar-KW");
        await kw.GotoAsync($"/meetings/{meeting}");
        await kw.Locator("[data-testid=meeting-agenda]").ClickAsync();
        await kw.WaitForURLAsync(url => url.Contains($"meeting={meeting}", StringComparison.Ordinal));
        var tabs = kw.Locator("[data-testid=agenda-of]");
        await Assertions.Expect(tabs.Locator("[aria-current=page]")).ToHaveTextAsync("اجتماع فريق العمل الاقتصادي");
        await kw.Locator("#starts-at").FillAsync("١٤:٠٠");
        await kw.Locator("[data-testid=generate-agenda]").ClickAsync();
        var rows = kw.Locator("[data-testid=agenda] tbody tr");
        await Assertions.Expect(rows.First).ToContainTextAsync("14:00");
        await Assertions.Expect(rows.First).ToContainTextAsync("الافتتاح وإقرار جدول الأعمال");
        Assert.Contains($"meeting={meeting}", kw.Url, StringComparison.Ordinal);
        await kw.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "agenda-meeting-ar-KW.png"), FullPage = true });

        // The session's own agenda is another one, reached by its tab.
        await tabs.Locator("a").First.ClickAsync();
        await Assertions.Expect(tabs.Locator("[aria-current=page]")).ToHaveTextAsync("الدورة");
        await Assertions.Expect(kw.Locator("[data-testid=agenda] tbody tr").First).Not.ToContainTextAsync("14:00");
    }
}
