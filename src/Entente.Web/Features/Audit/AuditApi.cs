using System.Text.Json.Nodes;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Audit;

/// <summary>
/// One entry of a record's history. The chain's sequence numbers and previous hashes are not given: a
/// reader sees only the entries its party may see, and the gaps between their numbers would count the
/// other party's national writes. The entry's own hash names it (as <c>audit verify</c> checks it).
/// </summary>
public sealed record AuditEntryResponse(
    DateTime At,
    string Actor,
    Guid? ActorPartyId,
    string? RequestId,
    string EntityType,
    string EntityKey,
    Guid? RecordId,
    AuditAction Action,
    JsonNode? Before,
    JsonNode? After,
    string Hash);

/// <summary>The outcome of checking the whole chain.</summary>
public sealed record AuditVerification(long Verified, AuditFault? Fault);

/// <summary>Reading the audit chain: a record's history, and the verification of the whole chain.</summary>
public sealed class AuditHandler(AppDbContext db)
{
    /// <summary>The history of a record (its own rows and the rows that belong to it), oldest first.</summary>
    public async Task<PageOf<AuditEntryResponse>> HistoryAsync(Guid? recordId, string? entityType, Paging paging, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (recordId is not null)
        {
            var key = recordId.Value.ToString("D");
            query = query.Where(a => a.RecordId == recordId || a.EntityKey == key);
        }

        if (Filters.Text(entityType, "entityType") is { } type)
        {
            query = query.Where(a => a.EntityType == type);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(a => a.Sequence).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return new PageOf<AuditEntryResponse>([.. rows.Select(ToResponse)], total, paging.Page, paging.PageSize);
    }

    /// <summary>Reads the whole chain in sequence order, in batches, and checks it.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var check = new AuditChainCheck();
        await foreach (var entry in db.AuditEntries.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (check.Next(entry) is { } fault)
            {
                return new AuditVerification(check.Verified, fault);
            }
        }

        return new AuditVerification(check.Verified, null);
    }

    private static AuditEntryResponse ToResponse(AuditEntry a) => new(
        a.At, a.Actor, a.ActorPartyId, a.RequestId, a.EntityType, a.EntityKey, a.RecordId, a.Action,
        a.Before is null ? null : JsonNode.Parse(a.Before), a.After is null ? null : JsonNode.Parse(a.After), a.Hash);
}

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/audit-entries", "Audit");
        group.MapGet("/", (Guid? recordId, string? entityType, int? page, int? pageSize, AuditHandler h, CancellationToken ct) =>
            h.HistoryAsync(recordId, entityType, Paging.From(page, pageSize), ct));
    }
}
