using System.Linq.Expressions;
using Entente.Data;
using Entente.Domain;

namespace Entente.Web.Infrastructure;

/// <summary>
/// What every record's handler shares: reading one record through its projection, creating it
/// and replacing it through the feature's own <see cref="ApplyAsync"/>, which checks the request
/// and sets the record, all-or-nothing. A feature adds its list filters and its rules.
/// </summary>
/// <typeparam name="T">The stored record.</typeparam>
/// <typeparam name="TRequest">The body of a create or replace.</typeparam>
/// <typeparam name="TResponse">What the API answers.</typeparam>
public abstract class RecordHandler<T, TRequest, TResponse>(AppDbContext db, string resource)
    where T : Entity
    where TResponse : class, IVersioned
{
    protected AppDbContext Db => db;

    /// <summary>The record as the API shows it, as a query projection.</summary>
    protected abstract Expression<Func<T, TResponse>> Projection { get; }

    /// <summary>The record with the children a replace changes, loaded for update.</summary>
    protected virtual IQueryable<T> ForUpdate => db.Set<T>();

    public Task<TResponse> GetAsync(Guid id, CancellationToken ct) => Crud.OneAsync(db.Set<T>(), id, Projection, resource, ct);

    public async Task<TResponse> CreateAsync(TRequest request, CancellationToken ct)
    {
        var record = New();
        await ApplyAsync(record, request, isNew: true, ct);
        return await GetAsync(await Crud.CreateAsync(db, record, ct), ct);
    }

    public Task<TResponse> UpdateAsync(HttpContext http, Guid id, TRequest request, CancellationToken ct) =>
        UpdateAsync(http.RequiredIfMatch(), id, request, ct);

    /// <summary>Replaces the record if it is still at <paramref name="expectedVersion"/> (stale → <see cref="ApiError.Stale"/>).</summary>
    public async Task<TResponse> UpdateAsync(long expectedVersion, Guid id, TRequest request, CancellationToken ct)
    {
        await Crud.UpdateAsync(db, expectedVersion, ForUpdate, id, resource, record => ApplyAsync(record, request, isNew: false, ct), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// A named step of the record's lifecycle (freezing a plan), through the same guarded update as a
    /// replace: the write right first, then the version (stale → 412), then the step, saved at once.
    /// </summary>
    protected async Task<TResponse> ChangeAsync(long expectedVersion, Guid id, Func<T, CancellationToken, Task> step, CancellationToken ct)
    {
        await Crud.UpdateAsync(db, expectedVersion, ForUpdate, id, resource, record => step(record, ct), ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A page of <paramref name="query"/> in the order it has, or the one <see cref="Paging.Sort"/> asks for, projected.</summary>
    /// <summary>A page of <paramref name="query"/>: the records holding the words of <c>q</c> when given, in the order asked for.</summary>
    protected Task<PageOf<TResponse>> PageAsync(IQueryable<T> query, Paging paging, CancellationToken ct) =>
        Crud.PageAsync(Sorting.Apply(query.Matching(Db, paging.Q, Entente.Data.Search.SearchIndexing.KindsOf(typeof(T))), paging.Sort), Projection, paging, ct);

    /// <summary>A new, empty record for <see cref="ApplyAsync"/> to fill.</summary>
    protected abstract T New();

    /// <summary>Checks the request against the record and its relations and, when every rule holds, sets the record; otherwise throws and changes nothing.</summary>
    protected abstract Task ApplyAsync(T record, TRequest request, bool isNew, CancellationToken ct);
}
