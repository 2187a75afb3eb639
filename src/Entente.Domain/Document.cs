using System.Security.Cryptography;
using System.Text;

namespace Entente.Domain;

/// <summary>What a document is.</summary>
public enum DocumentKind
{
    AgreementText,
    ActionPlan,
    Minutes,
    Roadmap,
    JointStatement,
    Other,
}

/// <summary>
/// A document of a joint body with its versions and, once signed, its own signatories: a
/// fund's director may sign one MoU while the co-chairs sign the action plan.
/// </summary>
public sealed class Document : BodyRecord
{
    public DocumentKind Kind { get; set; }

    /// <summary>What the document is when its kind is <see cref="DocumentKind.Other"/> ("signed minutes", «خطة عمل تنفيذية»); absent otherwise.</summary>
    public BilingualText? KindLabel { get; set; }

    public required BilingualText Title { get; set; }

    public Guid? AgreementId { get; set; }

    public Guid? SessionId { get; set; }

    public Guid? MeetingId { get; set; }

    public List<DocumentVersion> Versions { get; set; } = [];

    public List<DocumentSignatory> Signatories { get; set; } = [];

    public IEnumerable<RuleError> Check()
    {
        foreach (var e in Title.Check("title"))
        {
            yield return e;
        }

        foreach (var e in OpenKinds.Check(Kind == DocumentKind.Other, KindLabel))
        {
            yield return e;
        }

        foreach (var e in KindLabel?.Check("kindLabel", 200) ?? [])
        {
            yield return e;
        }

        for (var i = 0; i < Signatories.Count; i++)
        {
            foreach (var e in Signatories[i].Title.Check($"signatories[{i}].title"))
            {
                yield return e;
            }

            foreach (var e in Signatories[i].SignedOn?.Check($"signatories[{i}].signedOn") ?? [])
            {
                yield return e;
            }
        }
    }
}

/// <summary>One version of a document's content, identified by its SHA-256.</summary>
public sealed class DocumentVersion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public Guid DocumentId { get; set; }

    public int Number { get; set; }

    public required string FileName { get; set; }

    public required string MediaType { get; set; }

    /// <summary>Lower-case hexadecimal SHA-256 of the content.</summary>
    public required string Sha256 { get; set; }

    public long Length { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>
/// The bytes of one document version, kept in the database beside it, so that a backup of the
/// database holds the documents too; read only when the file itself is asked for.
/// </summary>
public sealed class DocumentContent
{
    /// <summary>The version these bytes are (its <see cref="DocumentVersion.Id"/>).</summary>
    public Guid VersionId { get; init; }

    public Guid DocumentId { get; init; }

    public required byte[] Bytes { get; init; }

    /// <summary>
    /// The words of the file as search reads them, taken out when it is uploaded (before the save, so that no write
    /// waits while a file is read); null for a file kept before they were, which search reads when it needs them.
    /// </summary>
    public string? SearchText { get; set; }
}

/// <summary>
/// What a document version may be: a few kinds of file, known by their extension, whose first
/// bytes must be what that kind of file starts with (a renamed program is not a PDF); the
/// name is kept without any folder and without control characters.
/// </summary>
public static class DocumentFiles
{
    public const int MaxFileNameLength = 200;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];

    /// <summary>The media type each accepted extension is stored and served as.</summary>
    public static IReadOnlyDictionary<string, string> MediaTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        [".odt"] = "application/vnd.oasis.opendocument.text",
        [".txt"] = "text/plain; charset=utf-8",
        [".json"] = "application/json",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>
    /// Checks an uploaded file and makes the version it becomes (number, clean name, media type,
    /// SHA-256, length); the errors name the field <c>file</c>.
    /// </summary>
    public static (DocumentVersion? Version, IReadOnlyList<RuleError> Errors) Check(Guid documentId, int number, string? fileName, byte[] content, long maxBytes)
    {
        var errors = new List<RuleError>();
        var name = CleanName(fileName);
        if (content.Length == 0)
        {
            errors.Add(new RuleError(RuleCodes.Required, "file", "'file' is required: choose a file that is not empty."));
        }
        else if (content.LongLength > maxBytes)
        {
            errors.Add(new RuleError(RuleCodes.FileTooLarge, "file", $"'file' is larger than {maxBytes / (1024 * 1024)} MB.", maxBytes / (1024 * 1024)));
        }

        if (name.Length == 0)
        {
            errors.Add(new RuleError(RuleCodes.Required, "file", "'file' needs a name."));
        }
        else if (name.Length > MaxFileNameLength)
        {
            errors.Add(new RuleError(RuleCodes.TooLong, "file", $"'file' has a name longer than {MaxFileNameLength} characters.", MaxFileNameLength));
        }

        var extension = Path.GetExtension(name);
        if (name.Length > 0 && (!MediaTypes.TryGetValue(extension, out var mediaType) || (content.Length > 0 && !Looks(extension, content))))
        {
            errors.Add(new RuleError(RuleCodes.FileType, "file", "'file' is not a PDF, Word, Excel, PowerPoint, OpenDocument, text, JSON, PNG or JPEG file, or its content is not what its name says."));
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (new DocumentVersion
        {
            DocumentId = documentId,
            Number = number,
            FileName = name,
            MediaType = MediaTypes[extension],
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Length = content.LongLength,
        }, []);
    }

    /// <summary>The last segment of a path a browser may send (either separator), without control or bidirectional-override characters, trimmed.</summary>
    public static string CleanName(string? fileName)
    {
        var last = (fileName ?? string.Empty).Replace('\\', '/').Split('/').Last();
        var clean = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
        {
            if (!char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069') && !char.IsSurrogate(c))
            {
                clean.Append(c);
            }
        }

        return clean.ToString().Trim().TrimStart('.');
    }

    private static bool Looks(string extension, byte[] content) => extension.ToLowerInvariant() switch
    {
        ".pdf" => content.AsSpan().StartsWith(Pdf),
        ".docx" or ".xlsx" or ".pptx" or ".odt" => content.AsSpan().StartsWith(Zip),
        ".png" => content.AsSpan().StartsWith(Png),
        ".jpg" or ".jpeg" => content.AsSpan().StartsWith(Jpeg),
        _ => IsUtf8Text(content),
    };

    private static bool IsUtf8Text(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return !text.Any(c => c == '\0');
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>A person who signed a document for a party.</summary>
public sealed class DocumentSignatory : PersonInRole
{
    public Guid DocumentId { get; set; }

    public PartialDate? SignedOn { get; set; }
}
