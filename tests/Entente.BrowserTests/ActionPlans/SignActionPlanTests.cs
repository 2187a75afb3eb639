using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Entente.BrowserTests.Infrastructure;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.ActionPlans;

/// <summary>The co-chairs' signature of an action plan, on the pages: draft, an item, frozen, signed by Kuwait in English and by the UK in Arabic, then the bundle.</summary>
[Collection(DemoSiteCollection.Name)]
public sealed partial class SignActionPlanTests(DemoSite site)
{
    [Fact]
    public async Task CoChairs_SignAFrozenPlan_EachWithTheirCode_ThenTheBundleVerifies()
    {
        var kw = await SignIn.AsAsync(site, "co-chair.kw@demo.local");
        var body = await Navigate.BodyAsync(kw);

        // A draft plan for the 17th session, with one joint item.
        await kw.GotoAsync($"{body}/action-plans/new");
        await kw.Locator("#field-title-ar").FillAsync("خطة العمل – الدورة الـ17 (مسودة للتوقيع)");
        await kw.Locator("#field-title-en").FillAsync("Action Plan – 17th Session (signing draft)");
        await kw.Locator("#field-sessionId").SelectOptionAsync(new SelectOptionValue { Label = "Session 17" });
        await kw.Locator("[data-testid=save]").ClickAsync();
        await kw.WaitForURLAsync(new Regex("/action-plans/[0-9a-f-]{36}$"));
        var plan = new Uri(kw.Url).AbsolutePath;
        await kw.Locator("[data-testid=signatures]").ClickAsync();
        await kw.Locator("[data-testid=add-item]").ClickAsync();
        await kw.Locator("#title-ar").FillAsync("برنامج تدريب مشترك للكوادر الصحية");
        await kw.Locator("#title-en").FillAsync("Joint training programme for health staff");
        await kw.Locator("#track").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await kw.Locator("#due").FillAsync("2027-06-30");
        await kw.Locator("form button[type=submit].primary").ClickAsync();
        await kw.WaitForURLAsync(new Regex("/action-items/[0-9a-f-]{36}$"));

        // Frozen: the text is fixed, and shown as signed.
        await kw.GotoAsync(plan + "/edit");
        await kw.Locator("#field-status").SelectOptionAsync("frozen");
        await kw.Locator("[data-testid=save]").ClickAsync();
        await kw.WaitForURLAsync(new Regex("/action-plans/[0-9a-f-]{36}$"));
        await kw.GotoAsync(plan + "/signatures");
        await Assertions.Expect(kw.Locator(".signed-content")).ToContainTextAsync("Joint training programme for health staff");
        await Assertions.Expect(kw.Locator(".signed-content")).ToContainTextAsync("برنامج تدريب مشترك للكوادر الصحية");
        var hash = (await kw.Locator("[data-testid=plan-hash]").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9a-f]{64}$", hash);

        // A wrong code signs nothing and says so next to the field.
        await kw.Locator("#code").FillAsync(Totp.Code(site.Accounts["co-chair.kw@demo.local"].AuthenticatorKey!, DateTimeOffset.UtcNow) == "000000" ? "111111" : "000000");
        await kw.Locator("[data-testid=sign]").ClickAsync();
        await Assertions.Expect(kw.Locator("#err-code")).ToContainTextAsync("authenticator");
        await Assertions.Expect(kw.Locator("[data-testid=signatures]")).ToHaveCountAsync(0);

        await kw.Locator("#code").FillAsync(Totp.Code(site.Accounts["co-chair.kw@demo.local"].AuthenticatorKey!, DateTimeOffset.UtcNow));
        await kw.Locator("[data-testid=sign]").ClickAsync();
        await Assertions.Expect(kw.Locator("[data-testid=signed-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(kw.Locator("[data-testid=signatures] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(kw.Locator("[data-testid=waiting]")).ToContainTextAsync("United Kingdom");
        await Assertions.Expect(kw.Locator("[data-testid=sign]")).ToHaveCountAsync(0);

        // The UK's co-chair signs in Arabic.
        var gb = await SignIn.AsAsync(site, "co-chair.gb@demo.local", "ar-KW");
        await gb.GotoAsync(plan + "/signatures");
        await Assertions.Expect(gb.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Assertions.Expect(gb.Locator("[data-testid=plan-hash]")).ToHaveTextAsync(hash);
        await gb.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "plan-signatures-frozen-ar-KW.png"), FullPage = true });
        var arabicDigits = string.Concat(Totp.Code(site.Accounts["co-chair.gb@demo.local"].AuthenticatorKey!, DateTimeOffset.UtcNow).Select(c => (char)('\u0660' + (c - '0'))));
        await gb.Locator("#code").FillAsync(arabicDigits);
        await gb.Locator("[data-testid=sign]").ClickAsync();
        await Assertions.Expect(gb.Locator("[data-testid=plan-signed]")).ToBeVisibleAsync();
        await Assertions.Expect(gb.Locator("[data-testid=signatures] tbody tr")).ToHaveCountAsync(2);
        await gb.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "plan-signatures-signed-ar-KW.png"), FullPage = true });

        var download = await gb.RunAndWaitForDownloadAsync(() => gb.Locator("[data-testid=bundle]").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"entente-{Guid.NewGuid():N}.signed.json");
        await download.SaveAsAsync(file);
        var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
        var authority = (await gb.Locator("[data-testid=authority]").InnerTextAsync()).Trim();
        var report = SignedPlanBundle.Verify(bytes, authority);
        File.Delete(file);
        Assert.True(report.IsValid, string.Join("; ", report.Findings));
        Assert.Contains(report.Summary, l => l.Contains(hash, StringComparison.Ordinal));

        // Signed means immutable: the edit page refuses a new title.
        await kw.GotoAsync(plan + "/edit");
        await kw.Locator("#field-title-en").FillAsync("A changed title");
        await kw.Locator("[data-testid=save]").ClickAsync();
        await Assertions.Expect(kw.Locator(".form-errors, .field-error").First).ToBeVisibleAsync();
        await kw.GotoAsync(plan + "/signatures");
        await Assertions.Expect(kw.Locator("[data-testid=plan-signed]")).ToBeVisibleAsync();
        await kw.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DemoSite.ScreenshotDir, "plan-signatures-signed-en-GB.png"), FullPage = true });
    }

    [Fact]
    public async Task CoChair_WithAPasskey_SignsAFrozenPlanWithIt_InPlaceOfTheCode()
    {
        var plan = await FrozenPlanAsync("co-chair.kw@demo.local");
        var page = await site.NewPageAsync(baseUrl: site.LocalhostUrl);
        await VirtualAuthenticator.AddToAsync(page);
        await SignIn.WithPasswordAsync(page, site.Accounts["co-chair.kw@demo.local"]);

        // Without a passkey, the page offers the code alone.
        await page.GotoAsync($"/action-plans/{plan}/signatures");
        await Assertions.Expect(page.Locator("[data-testid=sign]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=sign-passkey]")).ToHaveCountAsync(0);

        await page.GotoAsync("/account");
        await page.Locator("#passkeyName").FillAsync("Ministry laptop");
        await page.Locator("[data-testid=add-passkey]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(1);

        await page.GotoAsync($"/action-plans/{plan}/signatures");
        await page.Locator("[data-testid=sign-passkey]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=signed-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=signatures] tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("[data-testid=signatures] tbody tr")).ToContainTextAsync("Kuwait");
        await Assertions.Expect(page.Locator("[data-testid=sign-passkey]")).ToHaveCountAsync(0);

        // The passkey is the co-chair's, and leaves with them: removed, so that other tests see the account as the demo made it.
        await page.GotoAsync("/account");
        await page.Locator("[data-testid=passkeys] button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=passkeys] li")).ToHaveCountAsync(0);
    }

    /// <summary>A plan of a new session with one joint item, frozen, made through the API as <paramref name="email"/>; its id.</summary>
    private async Task<string> FrozenPlanAsync(string email)
    {
        var ct = TestContext.Current.CancellationToken;
        using var api = await site.ApiClientAsync(email);
        var body = (await api.GetFromJsonAsync<JsonObject>("/api/joint-bodies", ct))!["items"]!.AsArray().First(b => b!["name"]!["en"]!.GetValue<string>() == "Kuwait–UK Joint Steering Group")!["id"]!.GetValue<string>();
        using var newSession = await api.PostAsJsonAsync("/api/sessions", new JsonObject { ["jointBodyId"] = body, ["number"] = 500 + Random.Shared.Next(1, 400), ["placeKind"] = "to-be-decided" }, ct);
        Assert.True(newSession.StatusCode == System.Net.HttpStatusCode.Created, await newSession.Content.ReadAsStringAsync(ct));
        var session = (await newSession.Content.ReadFromJsonAsync<JsonObject>(ct))!["id"]!.GetValue<string>();
        var track = (await api.GetFromJsonAsync<JsonObject>($"/api/tracks?jointBodyId={body}", ct))!["items"]![0]!["id"]!.GetValue<string>();
        var title = new JsonObject { ["ar"] = "خطة للتوقيع بمفتاح مرور", ["en"] = "Plan signed with a passkey" };
        using var created = await api.PostAsJsonAsync("/api/action-plans", new JsonObject { ["sessionId"] = session, ["title"] = title.DeepClone() }, ct);
        Assert.True(created.StatusCode == System.Net.HttpStatusCode.Created, await created.Content.ReadAsStringAsync(ct));
        var plan = (await created.Content.ReadFromJsonAsync<JsonObject>(ct))!;
        var id = plan["id"]!.GetValue<string>();
        using var item = await api.PostAsJsonAsync("/api/action-items", new JsonObject
        {
            ["jointBodyId"] = body, ["trackId"] = track, ["actionPlanId"] = id, ["dueOn"] = "2027-06-30", ["status"] = "not-started",
            ["title"] = new JsonObject { ["ar"] = "تبادل خبراء الصحة العامة", ["en"] = "Exchange public health experts" },
        }, ct);
        Assert.True(item.StatusCode == System.Net.HttpStatusCode.Created, await item.Content.ReadAsStringAsync(ct));
        using var freeze = new HttpRequestMessage(HttpMethod.Put, $"/api/action-plans/{id}")
        {
            Content = JsonContent.Create(new JsonObject { ["sessionId"] = session, ["title"] = title.DeepClone(), ["status"] = "frozen" }),
        };
        freeze.Headers.TryAddWithoutValidation("If-Match", $"\"{plan["version"]}\"");
        using var frozen = await api.SendAsync(freeze, ct);
        Assert.True(frozen.IsSuccessStatusCode, await frozen.Content.ReadAsStringAsync(ct));
        return id;
    }
}
