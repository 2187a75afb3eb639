using System.Net;
using System.Security.Cryptography;
using System.Text;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Entente.Web.Features.Documents;
using Microsoft.EntityFrameworkCore;

namespace Entente.IntegrationTests.Api;

/// <summary>A document's files: uploaded as numbered versions, read back byte for byte, refused when they are not what they claim, and kept to those who may see the document.</summary>
public abstract class DocumentVersionsTests(EntenteApp app)
{
    private static readonly byte[] MinutesPdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% minutes of the 16th session\n%%EOF\n");

    [Fact]
    public async Task Upload_TwoVersions_NumberedAndReadBackByteForByte_WithTheirHashAndArabicName()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var document = await NewDocumentAsync(client, "joint", null);

        using var first = await UploadAsync(client, document.Id, document.Version, "محضر الجلسة السادسة عشرة.pdf", MinutesPdf);
        var one = await ApiClient.ReadAsync<DocumentVersionResponse>(first, HttpStatusCode.Created);
        Assert.Equal($"/api/documents/{document.Id}/versions/1", first.Headers.Location?.ToString());
        Assert.Equal((1, "محضر الجلسة السادسة عشرة.pdf", "application/pdf", Hex(MinutesPdf), (long)MinutesPdf.Length), (one.Number, one.FileName, one.MediaType, one.Sha256, one.Length));
        Assert.Equal($"\"{document.Version + 1}\"", first.Headers.ETag?.Tag);

        var docx = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5 };
        using (var second = await UploadAsync(client, document.Id, document.Version + 1, @"C:\Users\officer\Desktop\minutes-v2.docx", docx))
        {
            var two = await ApiClient.ReadAsync<DocumentVersionResponse>(second, HttpStatusCode.Created);
            Assert.Equal((2, "minutes-v2.docx"), (two.Number, two.FileName));
        }

        var after = await client.GetAsync<DocumentResponse>($"/api/documents/{document.Id}");
        Assert.Equal([(1, Hex(MinutesPdf)), (2, Hex(docx))], after.Versions.Select(v => (v.Number, v.Sha256)));
        Assert.Equal(document.Version + 2, after.Version);

        using var download = await client.GetAsync($"/api/documents/{document.Id}/versions/1", ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(MinutesPdf, await download.Content.ReadAsByteArrayAsync(ct));
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("محضر الجلسة السادسة عشرة.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"\"{Hex(MinutesPdf)}\"", download.Headers.ETag?.Tag);
        Assert.Equal(docx, await client.GetByteArrayAsync($"/api/documents/{document.Id}/versions/2", ct));
        using var missing = await client.GetAsync($"/api/documents/{document.Id}/versions/3", ct);
        await missing.ProblemAsync(HttpStatusCode.NotFound);

        // The audit chain records the bytes by their size and hash, never the bytes.
        await using var scope = app.Scope(out var db);
        var trail = await db.AuditEntries.AsNoTracking().Where(e => e.RecordId == document.Id && e.EntityType == nameof(DocumentContent)).Select(e => e.After).ToListAsync(ct);
        Assert.Equal(2, trail.Count);
        Assert.Contains(trail, a => a!.Contains($"[{MinutesPdf.Length} bytes, sha256 {Hex(MinutesPdf)}]", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("setup.exe", "MZ-program", HttpStatusCode.UnsupportedMediaType, RuleCodes.FileType)]
    [InlineData("report.pdf", "not a pdf at all", HttpStatusCode.UnsupportedMediaType, RuleCodes.FileType)]
    [InlineData("photo.png", "%PDF-1.7", HttpStatusCode.UnsupportedMediaType, RuleCodes.FileType)]
    [InlineData("page.html", "<script>alert(1)</script>", HttpStatusCode.UnsupportedMediaType, RuleCodes.FileType)]
    [InlineData("empty.pdf", "", HttpStatusCode.BadRequest, RuleCodes.Required)]
    [InlineData("/", "%PDF-1.7", HttpStatusCode.BadRequest, RuleCodes.Required)]
    public async Task Upload_ABadFile_IsRefusedNamingTheFile_AndChangesNothing(string name, string content, HttpStatusCode status, string code)
    {
        var client = app.CreateClient("ar");
        var document = await NewDocumentAsync(app.CreateClient(), "joint", null);

        using var response = await UploadAsync(client, document.Id, document.Version, name, Encoding.ASCII.GetBytes(content));

        var problem = await response.ProblemAsync(status);
        Assert.Equal((code, "file"), ((string?)problem["code"], (string?)problem["field"]));
        Assert.Matches("[\u0600-\u06FF]", (string?)problem["detail"]);
        await AssertUnchangedAsync(document);
    }

    [Fact]
    public async Task Upload_WithoutIfMatch_Stale_NotMultipart_NoFile_OrTooLarge_IsRefused_AndChangesNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = app.CreateClient();
        var document = await NewDocumentAsync(client, "joint", null);

        using (var noIfMatch = await UploadAsync(client, document.Id, null, "a.pdf", MinutesPdf))
        {
            await noIfMatch.ProblemAsync(HttpStatusCode.PreconditionRequired);
        }

        using (var stale = await UploadAsync(client, document.Id, document.Version + 5, "a.pdf", MinutesPdf))
        {
            await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        }

        using (var json = await client.PostJsonAsync($"/api/documents/{document.Id}/versions", new { file = "a.pdf" }, $"\"{document.Version}\""))
        {
            Assert.Equal("file", (string?)(await json.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        }

        using (var form = new MultipartFormDataContent { { new StringContent("a note"), "note" } })
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{document.Id}/versions") { Content = form })
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{document.Version}\"");
            using var noFile = await client.SendAsync(request, ct);
            Assert.Equal("file", (string?)(await noFile.ProblemAsync(HttpStatusCode.BadRequest))["field"]);
        }

        await using (var small = app.NewInstance(new Dictionary<string, string> { ["Entente:MaxDocumentMegabytes"] = "1" }))
        {
            var handler = small.CreateClient();
            handler.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
            var big = new byte[(1024 * 1024) + 10];
            MinutesPdf.CopyTo(big, 0);
            using var tooLarge = await UploadAsync(handler, document.Id, document.Version, "big.pdf", big);
            var problem = await tooLarge.ProblemAsync(HttpStatusCode.RequestEntityTooLarge);
            Assert.Equal((RuleCodes.FileTooLarge, "file"), ((string?)problem["code"], (string?)problem["field"]));
        }

        await AssertUnchangedAsync(document);
    }

    [Fact]
    public async Task Upload_ByAViewer_IsForbidden_TheOtherPartysNationalDocument_IsNotFoundToRead_OrToUpload()
    {
        var ct = TestContext.Current.CancellationToken;
        var kuwait = app.CreateClient();
        var reference = await Reference.LoadAsync(kuwait);
        var joint = await NewDocumentAsync(kuwait, "joint", null);
        var national = await NewDocumentAsync(kuwait, "national", reference.Kuwait);
        using (var added = await UploadAsync(kuwait, national.Id, national.Version, "موقف الكويت.pdf", MinutesPdf))
        {
            await ApiClient.EnsureAsync(added, HttpStatusCode.Created);
        }

        var (_, viewerToken) = await app.NewAccountAsync("KW", role: MemberRole.Viewer);
        var viewer = app.CreateClient(viewerToken, null);
        using (var forbidden = await UploadAsync(viewer, joint.Id, joint.Version, "a.pdf", MinutesPdf))
        {
            await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(MinutesPdf, await viewer.GetByteArrayAsync($"/api/documents/{national.Id}/versions/1", ct));

        var (_, britishToken) = await app.NewAccountAsync("GB", role: MemberRole.Secretariat);
        var britain = app.CreateClient(britishToken, null);
        using (var hidden = await britain.GetAsync($"/api/documents/{national.Id}/versions/1", ct))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenUpload = await UploadAsync(britain, national.Id, national.Version + 1, "a.pdf", MinutesPdf))
        {
            await hiddenUpload.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var jointUpload = await UploadAsync(britain, joint.Id, joint.Version, "uk-comments.pdf", MinutesPdf))
        {
            await ApiClient.EnsureAsync(jointUpload, HttpStatusCode.Created);
        }

        await AssertUnchangedAsync(national with { Version = national.Version + 1 }, versions: 1);
        var anonymous = app.CreateClient(null, null);
        using var signedOut = await anonymous.GetAsync($"/api/documents/{joint.Id}/versions/1", ct);
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
    }

    private async Task<DocumentResponse> NewDocumentAsync(HttpClient client, string visibility, Guid? owner)
    {
        var reference = await Reference.LoadAsync(client);
        return await client.CreateAsync<DocumentResponse>("/api/documents", new
        {
            jointBodyId = reference.Body.Id,
            kind = "minutes",
            title = new { ar = "محضر الجلسة", en = "Minutes of the session" },
            sessionId = reference.Session16.Id,
            visibility,
            ownerPartyId = owner,
        });
    }

    private async Task AssertUnchangedAsync(DocumentResponse before, int versions = 0)
    {
        var after = await app.CreateClient().GetAsync<DocumentResponse>($"/api/documents/{before.Id}");
        Assert.Equal((before.Version, versions), (after.Version, after.Versions.Count));
        await using var scope = app.Scope(out var db);
        Assert.Equal(versions, await db.DocumentContents.IgnoreQueryFilters().CountAsync(c => c.DocumentId == before.Id, TestContext.Current.CancellationToken));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid documentId, long? version, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/documents/{documentId}/versions") { Content = form };
        if (version is { } v)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{v}\"");
        }

        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

[Collection(SqliteCollection.Name)]
public sealed class DocumentVersionsTestsOnSqlite(SqliteApp app) : DocumentVersionsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DocumentVersionsTestsOnPostgres(PostgresApp app) : DocumentVersionsTests(app);
