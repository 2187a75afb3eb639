using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Documents;

/// <summary>The bytes of one version, with what it is called and served as.</summary>
public sealed record DocumentFile(string FileName, string MediaType, string Sha256, byte[] Content);

/// <summary>
/// Versions of a document's file: a new version is uploaded (numbered after the last, checked by
/// <see cref="DocumentFiles"/>, its bytes kept in the database) and any version is downloaded by
/// whoever may read the document. Adding a version is a change of the document: it needs the
/// document's current version, and only those who write the document may make it.
/// </summary>
public sealed class DocumentVersionsHandler(AppDbContext db, IConfiguration configuration)
{
    public const string MaxSetting = "Entente:MaxDocumentMegabytes";

    public const long DefaultMaxMegabytes = 25;

    /// <summary>The largest file accepted, from <c>Entente:MaxDocumentMegabytes</c> (25 MB unless set).</summary>
    public long MaxBytes => configuration.GetValue(MaxSetting, DefaultMaxMegabytes) * 1024 * 1024;

    /// <summary>Reads <paramref name="file"/> (at most one byte over the limit, so that a larger file is refused without being held whole).</summary>
    public async Task<DocumentVersionResponse> AddAsync(Guid documentId, long expectedVersion, IFormFile? file, CancellationToken ct)
    {
        if (file is null)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Required, "file", "'file' is required: send the document as the multipart field 'file'.")]));
        }

        await using var stream = file.OpenReadStream();
        return await AddAsync(documentId, expectedVersion, file.FileName, stream, ct);
    }

    public async Task<DocumentVersionResponse> AddAsync(Guid documentId, long expectedVersion, string? fileName, Stream content, CancellationToken ct)
    {
        var bytes = await ReadAtMostAsync(content, MaxBytes + 1, ct);
        // The words search finds the document by, read from the file now, before the save holds the writes (ADR 0011).
        var words = bytes.LongLength <= MaxBytes && DocumentFiles.MediaTypes.TryGetValue(Path.GetExtension(fileName ?? string.Empty), out var mediaType)
            ? Entente.Data.Search.DocumentText.Extract(bytes, mediaType)
            : null;
        DocumentVersion? added = null;
        await Crud.UpdateAsync(db, expectedVersion, db.Documents, documentId, "document", async document =>
        {
            await DocumentsHandler.EnsureNotASignedPlanAsync(db, document.Id, ct);

            var number = (await db.Set<DocumentVersion>().Where(v => v.DocumentId == document.Id).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            var (version, errors) = DocumentFiles.Check(document.Id, number, fileName, bytes, MaxBytes);
            if (version is null)
            {
                throw new ApiErrorException(new ApiError.Rules(errors));
            }

            db.Add(version);
            db.DocumentContents.Add(new DocumentContent { VersionId = version.Id, DocumentId = document.Id, Bytes = bytes, SearchText = words });
            added = version;
        }, ct);
        return new DocumentVersionResponse(added!.Number, added.FileName, added.MediaType, added.Sha256, added.Length, added.CreatedAt);
    }

    /// <summary>The file of version <paramref name="number"/>; not found when the document is not the caller's to read, or has no such version held.</summary>
    public async Task<DocumentFile> ReadAsync(Guid documentId, int number, CancellationToken ct)
    {
        var version = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .SelectMany(d => d.Versions).Where(v => v.Number == number)
            .Select(v => new { v.Id, v.FileName, v.MediaType, v.Sha256 })
            .FirstOrDefaultAsync(ct) ?? throw new ApiErrorException(new ApiError.NotFound("document version", documentId));
        var content = await db.DocumentContents.AsNoTracking().Where(c => c.VersionId == version.Id).Select(c => c.Bytes).FirstOrDefaultAsync(ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("document version", documentId));
        return new DocumentFile(version.FileName, version.MediaType, version.Sha256, content);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
