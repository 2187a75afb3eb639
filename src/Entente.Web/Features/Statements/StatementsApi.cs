using System.Security.Claims;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Statements;

public sealed record StatementApprovalResponse(Guid PartyId, string Party, Guid AccountId, DateTime ApprovedAt);

public sealed record StatementResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    Guid SessionId,
    int SessionNumber,
    TextDto Text,
    StatementStatus Status,
    DateTime GeneratedAt,
    DateTime? PublishedAt,
    IReadOnlyList<StatementApprovalResponse> Approvals,
    IReadOnlyList<string> Parties) : IVersioned;

/// <param name="Text">The statement in Arabic and English; paragraphs separated by blank lines.</param>
public sealed record StatementRequest(TextDto? Text);

/// <summary>
/// A session's joint statement: generated from the records (again, while a draft), edited as
/// text, approved by each party's secretariat or co-chair for the exact text, published once
/// every party has approved, then locked.
/// </summary>
public sealed class StatementsHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<StatementResponse> GetAsync(Guid id, CancellationToken ct) =>
        await ResponseAsync(await db.JointStatements.AsNoTracking().Include(s => s.Approvals).FirstOrDefaultAsync(s => s.Id == id, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("statement", id)), ct);

    public async Task<PageOf<StatementResponse>> ListAsync(Guid? jointBodyId, string? status, Paging paging, CancellationToken ct)
    {
        var query = db.JointStatements.AsNoTracking().Include(s => s.Approvals).AsQueryable();
        query = query.WhereIf(jointBodyId is not null, s => s.JointBodyId == jointBodyId).Matching(db, paging.Q, "statement");
        if (Filters.Enum<StatementStatus>(status, "status") is { } st)
        {
            query = query.Where(s => s.Status == st);
        }

        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(s => s.GeneratedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var items = new List<StatementResponse>(page.Count);
        foreach (var statement in page)
        {
            items.Add(await ResponseAsync(statement, ct));
        }

        return new PageOf<StatementResponse>(items, total, paging.Page, paging.PageSize);
    }

    public async Task<StatementResponse?> OfSessionAsync(Guid sessionId, CancellationToken ct)
    {
        var statement = await db.JointStatements.AsNoTracking().Include(s => s.Approvals).FirstOrDefaultAsync(s => s.SessionId == sessionId, ct);
        return statement is null ? null : await ResponseAsync(statement, ct);
    }

    /// <summary>
    /// Generates the session's statement from its records. Regenerating replaces a draft someone may have edited, so it is a
    /// guarded change like an edit: it names the version it replaces (<paramref name="expectedVersion"/>, the API's If-Match;
    /// none is 428, another 412), withdraws the approvals, and is refused on a published statement.
    /// </summary>
    public async Task<(StatementResponse Statement, bool Created)> GenerateAsync(Guid sessionId, long? expectedVersion, CancellationToken ct)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("session", sessionId));
        await db.EnsureMayChangeAsync(session, ct);
        var facts = await SessionFacts.LoadAsync(db, sessionId, ct);
        var text = StatementWriter.Write(facts);
        var existing = await db.JointStatements.AsNoTracking().Where(s => s.SessionId == sessionId).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        if (existing is { } id)
        {
            await ChangeAsync(id, expectedVersion ?? throw new ApiErrorException(new ApiError.PreconditionRequired()), statement =>
            {
                statement.Edit(text);
                statement.GeneratedAt = clock.GetUtcNow().UtcDateTime;
                return Task.CompletedTask;
            }, ct);
            return (await GetAsync(id, ct), false);
        }

        var created = new JointStatement { JointBodyId = session.JointBodyId, SessionId = sessionId, Text = text, GeneratedAt = clock.GetUtcNow().UtcDateTime };
        db.JointStatements.Add(created);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(created.Id, ct), true);
    }

    public async Task<StatementResponse> UpdateAsync(Guid id, long expectedVersion, StatementRequest request, CancellationToken ct)
    {
        await ChangeAsync(id, expectedVersion, statement =>
        {
            var checks = new Checks();
            var text = checks.Text(request.Text, "text", BilingualText.MaxProseLength);
            checks.ThrowIfAny();
            statement.Edit(text);
            return Task.CompletedTask;
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<StatementResponse> ApproveAsync(ClaimsPrincipal user, Guid id, long expectedVersion, CancellationToken ct)
    {
        var account = Infrastructure.Auth.EntenteClaims.AccountOf(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to approve."));
        var party = Infrastructure.Auth.EntenteClaims.PartyOf(user) ?? throw new ApiErrorException(new ApiError.Forbidden("Sign in to approve."));
        await ChangeAsync(id, expectedVersion, statement =>
        {
            statement.Approve(party, account, clock.GetUtcNow().UtcDateTime);
            statement.UpdatedAt = clock.GetUtcNow().UtcDateTime;
            return Task.CompletedTask;
        }, ct);
        return await GetAsync(id, ct);
    }

    public async Task<StatementResponse> PublishAsync(Guid id, long expectedVersion, CancellationToken ct)
    {
        await ChangeAsync(id, expectedVersion, async statement =>
        {
            var parties = await db.JointBodies.Where(b => b.Id == statement.JointBodyId).SelectMany(b => b.Members.Select(m => m.PartyId)).ToListAsync(ct);
            statement.Publish(parties, clock.GetUtcNow().UtcDateTime);
        }, ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A change of the statement through the one guarded update: the write right, then the version (stale → 412), then the change, saved once.</summary>
    private Task ChangeAsync(Guid id, long expectedVersion, Func<JointStatement, Task> change, CancellationToken ct) =>
        Crud.UpdateAsync(db, expectedVersion, db.JointStatements.Include(s => s.Approvals), id, "statement", change, ct);

    private async Task<StatementResponse> ResponseAsync(JointStatement s, CancellationToken ct)
    {
        var parties = await db.JointBodies.Where(b => b.Id == s.JointBodyId).SelectMany(b => b.Members.Select(m => m.PartyId))
            .Join(db.Parties, id => id, p => p.Id, (_, p) => new { p.Id, p.Code }).ToDictionaryAsync(p => p.Id, p => p.Code, ct);
        var number = await db.Sessions.Where(x => x.Id == s.SessionId).Select(x => x.Number).FirstAsync(ct);
        return new StatementResponse(
            s.Id, s.Version, s.JointBodyId, s.SessionId, number, new TextDto(s.Text.Ar, s.Text.En), s.Status, s.GeneratedAt, s.PublishedAt,
            [.. s.Approvals.OrderBy(a => a.ApprovedAt).Select(a => new StatementApprovalResponse(a.PartyId, parties.GetValueOrDefault(a.PartyId) ?? string.Empty, a.AccountId, a.ApprovedAt))],
            [.. parties.Values.Order(StringComparer.Ordinal)]);
    }
}

public static class StatementsApi
{
    public static void MapStatementsApi(this IEndpointRouteBuilder app)
    {
        var sessions = app.MapApiGroup("/api/sessions", "Joint statements");
        sessions.MapGet("/{id:guid}/statement", async (Guid id, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var statement = await h.OfSessionAsync(id, ct) ?? throw new ApiErrorException(new ApiError.NotFound("statement of session", id));
            http.SetETag(statement.Version);
            return TypedResults.Ok(statement);
        });
        sessions.MapPost("/{id:guid}/statement", async (Guid id, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var (statement, created) = await h.GenerateAsync(id, http.Request.Headers.IfMatch.Count > 0 ? http.RequiredIfMatch() : null, ct);
            http.SetETag(statement.Version);
            return created ? (IResult)TypedResults.Created($"/api/statements/{statement.Id}", statement) : TypedResults.Ok(statement);
        });

        var group = app.MapApiGroup("/api/statements", "Joint statements");
        group.MapGet("/", (Guid? jointBodyId, string? status, string? q, int? page, int? pageSize, StatementsHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, status, Paging.From(page, pageSize, null, q), ct));
        group.MapGet("/{id:guid}", async (Guid id, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var statement = await h.GetAsync(id, ct);
            http.SetETag(statement.Version);
            return TypedResults.Ok(statement);
        });
        group.MapGet("/{id:guid}/export", async (Guid id, string? format, string? lang, StatementExport export, CancellationToken ct) =>
        {
            var file = await export.ExportAsync(id, format, lang, ct);
            return TypedResults.File(file.Content, file.MediaType, file.FileName);
        });
        group.MapPut("/{id:guid}", async (Guid id, StatementRequest? request, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var statement = await h.UpdateAsync(id, http.RequiredIfMatch(), Crud.RequireBody(request), ct);
            http.SetETag(statement.Version);
            return TypedResults.Ok(statement);
        });
        group.MapPost("/{id:guid}/approval", async (Guid id, ClaimsPrincipal user, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var statement = await h.ApproveAsync(user, id, http.RequiredIfMatch(), ct);
            http.SetETag(statement.Version);
            return TypedResults.Ok(statement);
        });
        group.MapPost("/{id:guid}/publication", async (Guid id, StatementsHandler h, HttpContext http, CancellationToken ct) =>
        {
            var statement = await h.PublishAsync(id, http.RequiredIfMatch(), ct);
            http.SetETag(statement.Version);
            return TypedResults.Ok(statement);
        });
    }
}
