using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Notes;

public sealed record NoteRequest(Guid? JointBodyId, string? TargetType, Guid? TargetId, string? Language, string? Text, string? Visibility, Guid? OwnerPartyId);

public sealed record NoteResponse(
    Guid Id,
    long Version,
    Guid JointBodyId,
    RecordType TargetType,
    Guid TargetId,
    string Language,
    string Text,
    Visibility Visibility,
    Guid? OwnerPartyId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    Guid? AuthorId = null,
    string? AuthorName = null) : IVersioned;

/// <summary>
/// Notes on records, joint or national to one party: the discussion beside a record. A note keeps
/// its author, and only its author changes it afterwards (<c>WriteRules</c>).
/// </summary>
public sealed class NotesHandler(AppDbContext db, RecordTargets targets, IAuditActor actor) : RecordHandler<Note, NoteRequest, NoteResponse>(db, "note")
{
    protected override Expression<Func<Note, NoteResponse>> Projection => n => new NoteResponse(
        n.Id, n.Version, n.JointBodyId, n.TargetType, n.TargetId, n.Language, n.Text, n.Visibility, n.OwnerPartyId, n.CreatedAt, n.UpdatedAt,
        n.AuthorId,
        Db.Users.Where(u => u.Id == n.AuthorId).Select(u => u.DisplayName ?? u.Email).FirstOrDefault());

    public Task<PageOf<NoteResponse>> ListAsync(Guid? jointBodyId, string? targetType, Guid? targetId, string? visibility, Guid? ownerPartyId, Paging paging, CancellationToken ct)
    {
        var query = Db.Notes.AsNoTracking();
        query = query.WhereIf(jointBodyId is not null, n => n.JointBodyId == jointBodyId);

        if (Filters.Enum<RecordType>(targetType, "targetType") is { } type)
        {
            query = query.Where(n => n.TargetType == type);
        }

        query = query.WhereIf(targetId is not null, n => n.TargetId == targetId);

        if (Filters.Enum<Visibility>(visibility, "visibility") is { } v)
        {
            query = query.Where(n => n.Visibility == v);
        }

        query = query.WhereIf(ownerPartyId is not null, n => n.OwnerPartyId == ownerPartyId);

        return PageAsync(query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id), paging, ct);
    }

    /// <summary>The discussion on one record, oldest first (as a conversation reads), at most <paramref name="limit"/> of the latest.</summary>
    public async Task<IReadOnlyList<NoteResponse>> DiscussionAsync(Guid targetId, int limit, CancellationToken ct)
    {
        var latest = await Db.Notes.AsNoTracking().Where(n => n.TargetId == targetId).OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(limit).Select(Projection).ToListAsync(ct);
        latest.Reverse();
        return latest;
    }

    protected override Note New() => new Note { Language = string.Empty, Text = string.Empty };

    protected override async Task ApplyAsync(Note note, NoteRequest request, bool isNew, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(Db, checks);
        var bodyId = checks.Required(request.JointBodyId, "jointBodyId");
        var targetType = checks.RequiredEnum<RecordType>(request.TargetType, "targetType");
        var targetId = checks.Required(request.TargetId, "targetId");
        if (!isNew && (bodyId != note.JointBodyId || targetType != note.TargetType || targetId != note.TargetId))
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "targetId", "A note stays on the record it was written on."));
        }

        var parties = request.JointBodyId is null ? [] : await refs.BodyPartiesAsync(bodyId, "jointBodyId", ct);
        var target = checks.Ok ? await targets.ScopeAsync(Db, targetType, targetId, ct) : null;
        if (checks.Ok && (target is null || (target.JointBodyId is { } targetBody && targetBody != bodyId)))
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, "targetId", $"'targetId' names no {request.TargetType} of this joint body.", targetId));
        }

        var (visibility, owner) = VisibilityChecks.Read(checks, refs, parties, request.Visibility, request.OwnerPartyId, isNew ? null : note);
        note.Language = request.Language?.Trim() ?? string.Empty;
        note.Text = request.Text?.Trim() ?? string.Empty;
        checks.AddRange(note.Check());
        checks.ThrowIfAny();

        if (isNew)
        {
            note.AuthorId = actor.AccountId;
        }

        note.JointBodyId = bodyId;
        note.TargetType = targetType;
        note.TargetId = targetId;
        note.SetVisibility(visibility, owner);
    }
}

public static class NotesApi
{
    public static void MapNotesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/notes", "Notes");
        group.MapGet("/", (Guid? jointBodyId, string? targetType, Guid? targetId, string? visibility, Guid? ownerPartyId, string? q, int? page, int? pageSize, NotesHandler h, CancellationToken ct) =>
            h.ListAsync(jointBodyId, targetType, targetId, visibility, ownerPartyId, Paging.From(page, pageSize, null, q), ct));
        group.MapRecordRoutes<NotesHandler, Note, NoteRequest, NoteResponse>();
    }
}
