using System.Net;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Sessions;
using Entente.Web.Features.Statements;

namespace Entente.IntegrationTests.Api;

/// <summary>A session's joint statement: generated from joint records only, edited, approved by both parties for the exact text, published and locked.</summary>
public abstract class StatementWorkflowTests(EntenteApp app)
{
    private async Task<(SessionResponse Session, Reference Reference)> NewSessionAsync(HttpClient client)
    {
        var reference = await Reference.LoadAsync(client);
        var session = await client.CreateAsync<SessionResponse>("/api/sessions", new { jointBodyId = reference.Body.Id, number = Reference.NewSessionNumber(), placeKind = "to-be-decided" });
        return (session, reference);
    }

    private static async Task<StatementResponse> PostAsync(HttpClient client, string url, long version, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ApiClient.ReadAsync<StatementResponse>(await client.PostJsonAsync(url, new { }, $"\"{version}\""), expected);

    [Fact]
    public async Task Generate_UsesJointRecordsOnly_NeverANationalOne()
    {
        var client = app.CreateClient();
        var (session, reference) = await NewSessionAsync(client);
        await client.CreateAsync<object>("/api/engagements", new
        {
            jointBodyId = reference.Body.Id, sessionId = session.Id, kind = "workshop", format = "virtual", status = "planned",
            title = new { ar = "ورشة عمل مشتركة حول الطاقة المتجددة", en = "Joint workshop on renewable energy" },
        });
        await client.CreateAsync<object>("/api/engagements", new
        {
            jointBodyId = reference.Body.Id, sessionId = session.Id, kind = "workshop", format = "virtual", status = "planned",
            title = new { ar = "تحضير داخلي للوفد الكويتي", en = "Internal preparation of the Kuwaiti delegation" },
            visibility = "national", ownerPartyId = reference.Kuwait,
        });

        using var response = await client.PostJsonAsync($"/api/sessions/{session.Id}/statement", new { });
        var statement = await ApiClient.ReadAsync<StatementResponse>(response, HttpStatusCode.Created);

        Assert.Contains("Joint workshop on renewable energy".ToLowerInvariant(), statement.Text.En!.ToLowerInvariant(), StringComparison.Ordinal);
        Assert.Contains("ورشة عمل مشتركة حول الطاقة المتجددة", statement.Text.Ar, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal preparation", statement.Text.En, StringComparison.Ordinal);
        Assert.DoesNotContain("تحضير داخلي", statement.Text.Ar, StringComparison.Ordinal);
        Assert.Equal(StatementStatus.Draft, statement.Status);
    }

    [Fact]
    public async Task Regenerating_OverAnEditedDraft_NamesTheVersionItReplaces()
    {
        var kuwait = app.CreateClient();
        var (session, _) = await NewSessionAsync(kuwait);
        var url = $"/api/sessions/{session.Id}/statement";
        var generated = await ApiClient.ReadAsync<StatementResponse>(await kuwait.PostJsonAsync(url, new { }), HttpStatusCode.Created);
        var edited = await ApiClient.ReadAsync<StatementResponse>(
            await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = generated.Text.Ar + "\n\nفقرة كتبها زميل.", en = generated.Text.En + "\n\nA paragraph a colleague wrote." } }, $"\"{generated.Version}\""),
            HttpStatusCode.OK);
        var approved = await PostAsync(kuwait, $"/api/statements/{generated.Id}/approval", edited.Version);

        using (var blind = await kuwait.PostJsonAsync(url, new { }))
        {
            await blind.ProblemAsync(HttpStatusCode.PreconditionRequired);
        }

        using (var stale = await kuwait.PostJsonAsync(url, new { }, $"\"{generated.Version}\""))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        var kept = await kuwait.GetAsync<StatementResponse>($"/api/statements/{generated.Id}");
        Assert.EndsWith("A paragraph a colleague wrote.", kept.Text.En, StringComparison.Ordinal);
        Assert.Single(kept.Approvals);

        using var regenerated = await kuwait.PostJsonAsync(url, new { }, $"\"{approved.Version}\"");
        var fresh = await ApiClient.ReadAsync<StatementResponse>(regenerated, HttpStatusCode.OK);
        Assert.Equal(generated.Text.En, fresh.Text.En);
        Assert.Empty(fresh.Approvals);
        Assert.Equal($"\"{fresh.Version}\"", regenerated.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task EditApprovePublish_EditWithdrawsApprovals_PublishedIsLocked()
    {
        var kuwait = app.CreateClient();
        var (session, _) = await NewSessionAsync(kuwait);
        var (_, britishToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(britishToken, null);
        var (_, viewerToken) = await app.NewAccountAsync("GB", role: MemberRole.Viewer);
        var viewer = app.CreateClient(viewerToken, null);

        var generated = await ApiClient.ReadAsync<StatementResponse>(await kuwait.PostJsonAsync($"/api/sessions/{session.Id}/statement", new { }), HttpStatusCode.Created);
        using (var byViewer = await viewer.PostJsonAsync($"/api/sessions/{session.Id}/statement", new { }))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var edited = await ApiClient.ReadAsync<StatementResponse>(
            await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = generated.Text.Ar + "\n\nفقرة مضافة.", en = generated.Text.En + "\n\nAn added paragraph." } }, $"\"{generated.Version}\""),
            HttpStatusCode.OK);
        Assert.EndsWith("An added paragraph.", edited.Text.En, StringComparison.Ordinal);

        using (var stale = await britain.PutJsonAsync($"/api/statements/{generated.Id}", new { text = generated.Text }, $"\"{generated.Version}\""))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        // Drafted in English only, the text is kept with its Arabic pending; but no party approves it so.
        using (var englishOnly = await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = " ", en = "Text" } }, $"\"{edited.Version}\""))
        {
            var pending = await ApiClient.ReadAsync<StatementResponse>(englishOnly, HttpStatusCode.OK);
            Assert.Equal(string.Empty, pending.Text.Ar);
            using (var untranslated = await kuwait.PostJsonAsync($"/api/statements/{generated.Id}/approval", new { }, $"\"{pending.Version}\""))
            {
                var problem = await untranslated.ProblemAsync(HttpStatusCode.Conflict);
                Assert.Equal(("translation-pending", "text.ar"), ((string?)problem["code"], (string?)problem["field"]));
            }

            using var restored = await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = edited.Text }, $"\"{pending.Version}\"");
            edited = await ApiClient.ReadAsync<StatementResponse>(restored, HttpStatusCode.OK);
        }

        using (var neither = await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = " ", en = "" } }, $"\"{edited.Version}\""))
        {
            Assert.Equal("text.ar", (string?)(await neither.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        }

        var approvedByKuwait = await PostAsync(kuwait, $"/api/statements/{generated.Id}/approval", edited.Version);
        Assert.Equal(["KW"], approvedByKuwait.Approvals.Select(a => a.Party));
        using (var early = await kuwait.PostJsonAsync($"/api/statements/{generated.Id}/publication", new { }, $"\"{approvedByKuwait.Version}\""))
        {
            Assert.Equal(RuleCodes.NotApproved, (string?)(await early.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        }

        using (var byViewer = await viewer.PostJsonAsync($"/api/statements/{generated.Id}/approval", new { }, $"\"{approvedByKuwait.Version}\""))
        {
            await byViewer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        // The UK changes a word: Kuwait's approval was for the old text and is withdrawn.
        var changed = await ApiClient.ReadAsync<StatementResponse>(
            await britain.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = edited.Text.Ar, en = edited.Text.En!.Replace("An added paragraph.", "A paragraph added by the UK.", StringComparison.Ordinal) } }, $"\"{approvedByKuwait.Version}\""),
            HttpStatusCode.OK);
        Assert.Empty(changed.Approvals);

        var one = await PostAsync(britain, $"/api/statements/{generated.Id}/approval", changed.Version);
        var both = await PostAsync(kuwait, $"/api/statements/{generated.Id}/approval", one.Version);
        Assert.Equal(["GB", "KW"], both.Approvals.Select(a => a.Party).Order());
        var published = await PostAsync(britain, $"/api/statements/{generated.Id}/publication", both.Version);

        Assert.Equal(StatementStatus.Published, published.Status);
        Assert.NotNull(published.PublishedAt);
        using var edit = await kuwait.PutJsonAsync($"/api/statements/{generated.Id}", new { text = new { ar = "نص", en = "Text" } }, $"\"{published.Version}\"");
        Assert.Equal(RuleCodes.StatementLocked, (string?)(await edit.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        using var regenerate = await kuwait.PostJsonAsync($"/api/sessions/{session.Id}/statement", new { }, $"\"{published.Version}\"");
        Assert.Equal(RuleCodes.StatementLocked, (string?)(await regenerate.ProblemAsync(HttpStatusCode.Conflict))["code"]);
        Assert.Equal(published.Text.En, (await kuwait.GetAsync<StatementResponse>($"/api/statements/{generated.Id}")).Text.En);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StatementWorkflowTestsOnSqlite(SqliteApp app) : StatementWorkflowTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StatementWorkflowTestsOnPostgres(PostgresApp app) : StatementWorkflowTests(app);
