using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>A response that carries its record's id and version (the ETag).</summary>
public interface IVersioned
{
    Guid Id { get; }

    long Version { get; }
}

/// <summary>
/// The steps every record endpoint shares: paging a projected query, reading one record,
/// and the guarded update (If-Match, version check, all-or-nothing save, stale → 412).
/// </summary>
public static class Crud
{
    /// <summary>
    /// A page of <paramref name="query"/>, in its order: the count, then the page's ids (one statement that reads
    /// the index in the order asked for), then the page projected by those ids, its collections each read by the
    /// page's ids. Projecting the page directly would make each collection's statement sort and skip the whole
    /// filtered list again.
    /// </summary>
    public static async Task<PageOf<TResponse>> PageAsync<T, TResponse>(IQueryable<T> query, Expression<Func<T, TResponse>> projection, Paging paging, CancellationToken cancellationToken)
        where T : Entity
        where TResponse : class
    {
        var total = await query.CountAsync(cancellationToken);
        if (paging.Skip >= total)
        {
            return new PageOf<TResponse>([], total, paging.Page, paging.PageSize);
        }

        var ids = await query.Skip(paging.Skip).Take(paging.PageSize).Select(e => e.Id).ToListAsync(cancellationToken);
        var items = await query.Where(e => ids.Contains(e.Id)).Select(projection).AsSplitQuery().ToListAsync(cancellationToken);
        return new PageOf<TResponse>(items, total, paging.Page, paging.PageSize);
    }

    public static async Task<TResponse> OneAsync<T, TResponse>(IQueryable<T> query, Guid id, Expression<Func<T, TResponse>> projection, string resource, CancellationToken cancellationToken)
        where T : Entity
        where TResponse : class =>
        await query.AsNoTracking().Where(e => e.Id == id).Select(projection).AsSplitQuery().FirstOrDefaultAsync(cancellationToken)
            ?? throw new ApiErrorException(new ApiError.NotFound(resource, id));

    /// <summary>
    /// Loads the record for change, checks the caller's <c>If-Match</c> version, applies the
    /// change and saves it with the version as concurrency token, so a write based on a stale
    /// read changes nothing and answers 412.
    /// </summary>
    public static Task UpdateAsync<T>(AppDbContext db, HttpContext http, IQueryable<T> query, Guid id, string resource, Func<T, Task> apply, CancellationToken cancellationToken)
        where T : Entity =>
        UpdateAsync(db, http.RequiredIfMatch(), query, id, resource, apply, cancellationToken);

    /// <summary>The guarded update with the version the caller read (a page's form carries it instead of <c>If-Match</c>).</summary>
    public static async Task UpdateAsync<T>(AppDbContext db, long expected, IQueryable<T> query, Guid id, string resource, Func<T, Task> apply, CancellationToken cancellationToken)
        where T : Entity
    {
        var entity = await query.FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw new ApiErrorException(new ApiError.NotFound(resource, id));
        await db.EnsureMayChangeAsync(entity, cancellationToken);
        Versions.EnsureVersion(entity, expected);
        await apply(entity);
        db.Entry(entity).Property(e => e.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Set<T>().AsNoTracking().Where(e => e.Id == id).Select(e => (long?)e.Version).FirstOrDefaultAsync(cancellationToken);
            throw new ApiErrorException(current is null ? new ApiError.NotFound(resource, id) : new ApiError.Stale(expected, current.Value));
        }
    }

    /// <summary>Adds a new record and saves it.</summary>
    public static async Task<Guid> CreateAsync<T>(AppDbContext db, T entity, CancellationToken cancellationToken)
        where T : Entity
    {
        db.Add(entity);
        await db.SaveChangesAsync(cancellationToken);
        return entity.Id;
    }

    /// <summary>The standard routes of a record: read, create, replace; the answers carry the ETag.</summary>
    public static RouteGroupBuilder MapRecordRoutes<THandler, T, TRequest, TResponse>(this RouteGroupBuilder group)
        where THandler : RecordHandler<T, TRequest, TResponse>
        where T : Entity
        where TResponse : class, IVersioned
    {
        group.MapGet("/{id:guid}", async (Guid id, THandler handler, HttpContext http, CancellationToken ct) =>
        {
            var response = await handler.GetAsync(id, ct);
            http.SetETag(response.Version);
            return TypedResults.Ok(response);
        });
        group.MapPost("/", async (TRequest? request, THandler handler, HttpContext http, CancellationToken ct) =>
        {
            var response = await handler.CreateAsync(RequireBody(request), ct);
            http.SetETag(response.Version);
            return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path.Value?.TrimEnd('/')}/{response.Id}", response);
        });
        group.MapPut("/{id:guid}", async (Guid id, TRequest? request, THandler handler, HttpContext http, CancellationToken ct) =>
        {
            var response = await handler.UpdateAsync(http, id, RequireBody(request), ct);
            http.SetETag(response.Version);
            return TypedResults.Ok(response);
        });
        return group;
    }

    /// <summary>
    /// A named lifecycle step of a record (<c>POST /api/action-plans/{id}/freeze</c>): no body, the
    /// record's version in <c>If-Match</c>, the record with its new ETag in the answer.
    /// </summary>
    public static RouteHandlerBuilder MapRecordAction<THandler, TResponse>(this RouteGroupBuilder group, string step, Func<THandler, long, Guid, CancellationToken, Task<TResponse>> action)
        where THandler : notnull
        where TResponse : class, IVersioned =>
        group.MapPost("/{id:guid}/" + step, async (Guid id, THandler handler, HttpContext http, CancellationToken ct) =>
        {
            var response = await action(handler, http.RequiredIfMatch(), id, ct);
            http.SetETag(response.Version);
            return TypedResults.Ok(response);
        });

    /// <summary>The request body; an empty body or JSON <c>null</c> is a 400.</summary>
    public static T RequireBody<T>(T? request) =>
        request ?? throw new ApiErrorException(new ApiError.BadRequest("body-required", string.Empty, "The request needs a JSON object body."));
}

/// <summary>Checks that ids named in a request exist and fit the joint body, reporting each under its field.</summary>
public sealed class References(AppDbContext db, Checks checks)
{
    public async Task<bool> ExistsAsync<T>(Guid? id, string field, CancellationToken cancellationToken)
        where T : class
    {
        if (id is null)
        {
            return true;
        }

        var found = await db.Set<T>().AnyAsync(e => EF.Property<Guid>(e, "Id") == id.Value, cancellationToken);
        if (!found)
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, field, $"'{field}' names no existing {typeof(T).Name.ToLowerInvariant()} ('{id}').", id.Value));
        }

        return found;
    }

    /// <summary>The parties of the joint body; reports an unknown body under <paramref name="field"/>.</summary>
    public async Task<List<Guid>> BodyPartiesAsync(Guid jointBodyId, string field, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync<JointBody>(jointBodyId, field, cancellationToken))
        {
            return [];
        }

        return await db.Set<JointBodyMember>().Where(m => m.JointBodyId == jointBodyId).Select(m => m.PartyId).ToListAsync(cancellationToken);
    }

    /// <summary>Reports a party that is not a member of the joint body.</summary>
    public void Member(List<Guid> bodyParties, Guid? partyId, string field)
    {
        if (partyId is not null && bodyParties.Count > 0 && !bodyParties.Contains(partyId.Value))
        {
            checks.Add(new RuleError(RuleCodes.NotAMember, field, $"'{field}' is not a party of this joint body.", partyId.Value));
        }
    }

    /// <summary>Reports a track, session or other body-scoped record that does not exist in the joint body.</summary>
    public async Task InBodyAsync<T>(Guid? id, Guid jointBodyId, Expression<Func<T, bool>> inBody, string field, CancellationToken cancellationToken)
        where T : class
    {
        if (id is null || !await ExistsAsync<T>(id, field, cancellationToken))
        {
            return;
        }

        if (!await db.Set<T>().Where(e => EF.Property<Guid>(e, "Id") == id.Value).AnyAsync(inBody, cancellationToken))
        {
            checks.Add(new RuleError(RuleCodes.Mismatch, field, $"'{field}' belongs to another joint body.", id.Value, jointBodyId));
        }
    }

    /// <summary>Reports each id of <paramref name="ids"/> that names no record of the joint body (one query for the list).</summary>
    public async Task AllInBodyAsync<T>(IReadOnlyList<Guid> ids, Expression<Func<T, bool>> inBody, string field, CancellationToken cancellationToken)
        where T : class
    {
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Set<T>().Where(inBody).Select(e => EF.Property<Guid>(e, "Id")).Where(id => ids.Contains(id)).ToListAsync(cancellationToken);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!found.Contains(ids[i]))
            {
                checks.Add(new RuleError(RuleCodes.UnknownReference, $"{field}[{i}]", $"'{field}[{i}]' names no {typeof(T).Name.ToLowerInvariant()} of this joint body ('{ids[i]}').", ids[i]));
            }
        }
    }

    /// <summary>The party a person belongs to, when the person is known and has one.</summary>
    public Task<Guid?> PersonPartyAsync(Guid personId, CancellationToken cancellationToken) =>
        db.People.Where(p => p.Id == personId).Select(p => p.PartyId).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The party of one institution, or null (reported under <paramref name="field"/>) when there is no such institution.</summary>

    public async Task<Guid?> InstitutionPartyAsync(Guid institutionId, string field, CancellationToken cancellationToken)
    {
        var party = await db.Institutions.Where(i => i.Id == institutionId).Select(i => (Guid?)i.PartyId).FirstOrDefaultAsync(cancellationToken);
        if (party is null)
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, field, $"'{field}' names no existing institution ('{institutionId}').", institutionId));
        }

        return party;
    }

    /// <summary>The party of each institution; reports unknown institutions.</summary>
    public async Task<Dictionary<Guid, Guid>> InstitutionPartiesAsync(IReadOnlyList<Guid> institutionIds, string field, CancellationToken cancellationToken)
    {
        var found = await db.Institutions.Where(i => institutionIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.PartyId, cancellationToken);
        for (var i = 0; i < institutionIds.Count; i++)
        {
            if (!found.ContainsKey(institutionIds[i]))
            {
                checks.Add(new RuleError(RuleCodes.UnknownReference, $"{field}[{i}]", $"'{field}[{i}]' names no existing institution ('{institutionIds[i]}').", institutionIds[i]));
            }
        }

        return found;
    }

    /// <summary>The party of each person; reports unknown people and people of no party (a person answers for an item for a side).</summary>
    public async Task<Dictionary<Guid, Guid>> PersonPartiesAsync(IReadOnlyList<Guid> personIds, string field, CancellationToken cancellationToken)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var found = await db.People.Where(p => personIds.Contains(p.Id)).Select(p => new { p.Id, p.PartyId }).ToDictionaryAsync(p => p.Id, p => p.PartyId, cancellationToken);
        var parties = new Dictionary<Guid, Guid>();
        for (var i = 0; i < personIds.Count; i++)
        {
            if (!found.TryGetValue(personIds[i], out var party))
            {
                checks.Add(new RuleError(RuleCodes.UnknownReference, $"{field}[{i}]", $"'{field}[{i}]' names no existing person ('{personIds[i]}').", personIds[i]));
            }
            else if (party is null)
            {
                checks.Add(new RuleError(RuleCodes.Required, $"{field}[{i}]", $"'{field}[{i}]' names a person of no party: give the person a party first.", personIds[i]));
            }
            else
            {
                parties[personIds[i]] = party.Value;
            }
        }

        return parties;
    }
}

/// <summary>The common start of a write on a record of a joint body: the checks, the body and its parties.</summary>
/// <param name="Checks">Collects the request's broken rules.</param>
/// <param name="Refs">Checks the ids the request names.</param>
/// <param name="BodyId">The joint body named by the request.</param>
/// <param name="Parties">The parties of that body (empty when it is unknown).</param>
public sealed record BodyWrite(Checks Checks, References Refs, Guid BodyId, List<Guid> Parties)
{
    /// <summary>Reads <c>jointBodyId</c>: required, existing, and unchanged for an existing record (<paramref name="current"/>).</summary>
    public static async Task<BodyWrite> StartAsync(AppDbContext db, Guid? requested, Guid? current, string noun, CancellationToken ct)
    {
        var checks = new Checks();
        var refs = new References(db, checks);
        var bodyId = checks.Required(requested, "jointBodyId");
        if (current is not null && requested is not null && bodyId != current)
        {
            checks.Add(new RuleError(RuleCodes.Immutable, "jointBodyId", $"{noun} cannot move to another joint body."));
        }

        var parties = requested is null ? [] : await refs.BodyPartiesAsync(bodyId, "jointBodyId", ct);
        return new BodyWrite(checks, refs, bodyId, parties);
    }
}

/// <summary>Shared checks on a record's visibility against its joint body.</summary>
public static class VisibilityChecks
{
    /// <summary>
    /// Parses and checks <c>visibility</c> and <c>ownerPartyId</c> of a request. When the request
    /// leaves <c>visibility</c> out, an existing record keeps its visibility and owner (a national
    /// record never becomes joint by omission); a new one is joint.
    /// </summary>
    public static (Visibility Visibility, Guid? Owner) Read(Checks checks, References refs, List<Guid> bodyParties, string? visibility, Guid? ownerPartyId, BodyRecord? current)
    {
        if (string.IsNullOrEmpty(visibility) && current is not null)
        {
            return (current.Visibility, current.OwnerPartyId);
        }

        var v = checks.Enum<Visibility>(visibility, "visibility") ?? Visibility.Joint;
        checks.AddRange(BodyRecord.CheckVisibility(v, ownerPartyId));
        refs.Member(bodyParties, ownerPartyId, "ownerPartyId");
        return (v, ownerPartyId);
    }
}
