using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Audit;

/// <summary>A record's history from the audit chain, within what the reader may see.</summary>
public sealed class HistoryModel(AuditHandler audit) : EntentePage
{
    /// <summary>Before/after as people read them: indented, Arabic as itself rather than \u escapes (the page encodes it for HTML).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions Readable = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public Guid RecordId { get; private set; }

    public PageOf<AuditEntryResponse> Entries { get; private set; } = new([], 0, 1, 100);

    public async Task OnGetAsync(Guid recordId, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        RecordId = recordId;
        Entries = await audit.HistoryAsync(recordId, null, Paging.From(Math.Max(1, page ?? 1), 100), ct);
        if (Entries.Total == 0)
        {
            throw new ApiErrorException(new ApiError.NotFound("record", recordId));
        }
    }
}
