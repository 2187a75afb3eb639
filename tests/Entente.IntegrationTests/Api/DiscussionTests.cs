using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Notes;

namespace Entente.IntegrationTests.Api;

/// <summary>The discussion beside a record: notes keep their author, only the author changes one, and a page shows them in order.</summary>
public abstract class DiscussionTests(EntenteApp app)
{
    /// <summary>The antiforgery token the discussion's own form carries (a form without one would be refused in a browser).</summary>
    private static string DiscussionToken(string page)
    {
        var start = page.IndexOf("class=\"discussion-form\"", StringComparison.Ordinal);
        Assert.True(start > 0, "The page has no discussion form.");
        return PageSession.Token(page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)]);
    }

    [Fact]
    public async Task ANote_KeepsItsAuthor_AndOnlyItsAuthorChangesIt()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (item, _) = await Reference.CreateItemAsync(client, reference.NewItem("Item under discussion"));
        var (lead, leadToken) = await app.NewAccountAsync("KW", role: MemberRole.TrackLead, trackIds: [reference.Health.Id]);
        var leadClient = app.CreateClient(leadToken, null);

        var note = await leadClient.CreateAsync<NoteResponse>("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "The clinic figures come next week.", visibility = "joint" });

        Assert.Equal(lead.Id, note.AuthorId);
        Assert.Equal(lead.Email, note.AuthorName);
        using var byOther = await client.PutJsonAsync($"/api/notes/{note.Id}", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "Rewritten by someone else", visibility = "joint" }, $"\"{note.Version}\"");
        Assert.Equal(HttpStatusCode.Forbidden, byOther.StatusCode);
        Assert.Equal("The clinic figures come next week.", (await client.GetAsync<NoteResponse>($"/api/notes/{note.Id}")).Text);
        using var byAuthor = await leadClient.PutJsonAsync($"/api/notes/{note.Id}", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "The clinic figures come on Monday.", visibility = "joint" }, $"\"{note.Version}\"");
        Assert.Equal(HttpStatusCode.OK, byAuthor.StatusCode);
    }

    [Fact]
    public async Task ANoteOnANationalRecord_IsNationalToItsParty_AJointOneIsRefused()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var body = reference.NewItem("A national item under discussion");
        body["visibility"] = "national";
        body["ownerPartyId"] = reference.Kuwait;
        var (item, _) = await Reference.CreateItemAsync(client, body);

        using var joint = await client.PostJsonAsync("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "A joint note on a national item", visibility = "joint" });
        var national = await client.CreateAsync<NoteResponse>("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "A national note on a national item", visibility = "national", ownerPartyId = reference.Kuwait });

        Assert.False(joint.IsSuccessStatusCode);
        Assert.True((int)joint.StatusCode < 500);
        Assert.Equal(Visibility.National, national.Visibility);
        Assert.DoesNotContain(await client.ListAsync<NoteResponse>($"/api/notes?targetId={item.Id}"), n => n.Text == "A joint note on a national item");
    }

    [Fact]
    public async Task AViewer_ReadsTheDiscussion_ButWritesNoNote()
    {
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (item, _) = await Reference.CreateItemAsync(client, reference.NewItem("Item a viewer reads"));
        var (viewer, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);

        using var refused = await app.CreateClient(viewerToken, null).PostJsonAsync("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "en", text = "A viewer's note", visibility = "joint" });
        var page = await (await PageSession.SignedInClientAsync(app, viewer)).GetStringAsync($"/action-items/{item.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("data-testid=\"discussion\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"discussion-text\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANoteAddedOnARecordsPage_ComesBackToThatPage_InOrder_AndTheOtherPartysNationalNotesNeverShow()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var reference = await Reference.LoadAsync(client);
        var (item, _) = await Reference.CreateItemAsync(client, reference.NewItem("Item with a conversation"));
        var marker = "KW-BRIEF-" + Guid.NewGuid().ToString("N")[..8];
        await client.CreateAsync<NoteResponse>("/api/notes", new { jointBodyId = reference.Body.Id, targetType = "action-item", targetId = item.Id, language = "ar", text = marker, visibility = "national", ownerPartyId = reference.Kuwait });
        var (uk, _) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var browser = await PageSession.SignedInClientAsync(app, uk);

        foreach (var text in new[] { "First: the dates suit us.", "Second: the venue is confirmed." })
        {
            var page = await browser.GetStringAsync($"/action-items/{item.Id}", ct);
            using var posted = await browser.PostAsync($"/bodies/{reference.Body.Id}/notes", PageSession.Form(
                ("TargetType", "action-item"), ("TargetId", item.Id.ToString()), ("ReturnTo", $"/action-items/{item.Id}"),
                ("Text", text), ("NewVisibility", "joint"), ("__csrf", DiscussionToken(page))), ct);
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.StartsWith($"/action-items/{item.Id}#note-", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        var shown = await browser.GetStringAsync($"/action-items/{item.Id}", ct);
        Assert.True(shown.IndexOf("First: the dates suit us.", StringComparison.Ordinal) < shown.IndexOf("Second: the venue is confirmed.", StringComparison.Ordinal));
        Assert.Contains(uk.Email!, shown, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\" dir=\"ltr\" class=\"note-text\">First: the dates suit us.", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(marker, shown, StringComparison.Ordinal);

        var elsewhere = await browser.GetStringAsync($"/action-items/{item.Id}", ct);
        using var away = await browser.PostAsync($"/bodies/{reference.Body.Id}/notes", PageSession.Form(
            ("TargetType", "action-item"), ("TargetId", item.Id.ToString()), ("ReturnTo", "https://evil.example/"),
            ("Text", "A note with a foreign return address"), ("Language", "en"), ("NewVisibility", "joint"), ("__csrf", DiscussionToken(elsewhere))), ct);
        Assert.Equal($"/bodies/{reference.Body.Id}/notes", away.Headers.Location!.OriginalString);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DiscussionTestsOnSqlite(SqliteApp app) : DiscussionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DiscussionTestsOnPostgres(PostgresApp app) : DiscussionTests(app);
