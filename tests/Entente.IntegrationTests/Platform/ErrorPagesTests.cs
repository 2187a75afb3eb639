using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>
/// A browser meets an unknown page, a refusal or a failure as a page in the reader's language, inside
/// the site's frame; the API, and any request that does not ask for HTML, keeps problem details.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ErrorPagesTests(SqliteApp app)
{
    [Theory]
    [InlineData("ar", "الصفحة غير موجودة", "rtl")]
    [InlineData("en", "Page not found", "ltr")]
    public async Task AnUnknownPage_OrARecordNotSeen_IsTheNotFoundPage_InTheReadersLanguage(string language, string title, string direction)
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await SignedInAsync(language);

        foreach (var address in new[] { "/no-such-page", $"/sessions/{Guid.CreateVersion7()}", $"/action-items/{Guid.CreateVersion7()}/edit" })
        {
            using var response = await browser.GetAsync(address, ct);
            var page = await response.Content.ReadAsStringAsync(ct);

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"<html lang=\"{language}\" dir=\"{direction}\">", page, StringComparison.Ordinal);
            Assert.Contains($"<h1>{title}</h1>", page, StringComparison.Ordinal);
            Assert.Contains("data-status=\"404\"", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Status Code:", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ARefusedRequestOfAPage_SaysWhyInArabic_AndNamesNoInternals()
    {
        var ct = TestContext.Current.CancellationToken;
        var reference = await Reference.LoadAsync(app.CreateClient());
        var browser = await SignedInAsync("ar");

        using var response = await browser.GetAsync($"/sessions/{reference.Session16.Id}/agenda?handler=export&what=agenda&format=bogus&lang=ar", ct);
        var page = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>تعذّر تنفيذ الطلب</h1>", page, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"error-reasons\">\\s*<li>[^<]*[\\u0600-\\u06FF]", page);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutAskingForHtml_AndOnTheApi_TheAnswerStaysProblemDetails()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = await SignedInAsync("en");
        browser.DefaultRequestHeaders.Accept.Clear();
        browser.DefaultRequestHeaders.Accept.ParseAdd("application/json");
        using var page = await browser.GetAsync("/no-such-page", ct);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (page.StatusCode, page.Content.Headers.ContentType?.MediaType));

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        using var record = await api.GetAsync($"/api/sessions/{Guid.CreateVersion7()}", ct);
        Assert.Equal((HttpStatusCode.NotFound, "application/problem+json"), (record.StatusCode, record.Content.Headers.ContentType?.MediaType));

        // A request the binding refuses (an exception, not a status) still names its own address, not the error page's.
        using var unbound = await api.GetAsync("/api/action-items?pageSize=many", ct);
        var problem = System.Text.Json.Nodes.JsonNode.Parse(await unbound.Content.ReadAsStringAsync(ct))!;
        Assert.Equal((HttpStatusCode.BadRequest, "/api/action-items", "pageSize"), (unbound.StatusCode, (string?)problem["instance"], (string?)problem["field"]));
    }

    private async Task<HttpClient> SignedInAsync(string language)
    {
        var (account, _) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var browser = await PageSession.SignedInClientAsync(app, account);
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml");
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return browser;
    }
}
