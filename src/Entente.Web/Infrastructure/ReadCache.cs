using System.Globalization;
using Entente.Data;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Caching.Memory;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The read cache of the JSON API: an answer to a GET is kept in memory and served again to the same account, in the
/// same language, for the same address, on the same day, as long as nothing has been saved since (the audit chain's
/// head, read from the database on each request, is part of the key; ADR 0013). A save anywhere, through any instance,
/// thus makes every kept answer unreachable at once: nothing is invalidated by message, so several instances on one
/// database stay exact. The
/// caller is authenticated and authorized before the cache is looked at; only 200 answers that set no cookie are kept.
/// </summary>
public static class ReadCache
{
    public const string Policy = "reads";

    public static IServiceCollection AddReadCache(this IServiceCollection services) =>
        services.AddScoped<RequestChainHead>().AddScoped<ReadModelCache>().AddSingleton<ReadModelStore>().AddOutputCache(o =>
        {
            o.SizeLimit = 32L * 1024 * 1024;
            o.MaximumBodySize = 4L * 1024 * 1024;
            o.AddPolicy(Policy, new ChainKeyedPolicy());
        });

    /// <summary>Serves the group's GETs from the read cache: for records, whose every change goes through the audit chain.</summary>
    public static RouteGroupBuilder CacheReads(this RouteGroupBuilder group)
    {
        group.CacheOutput(Policy);
        return group;
    }

    private sealed class ChainKeyedPolicy : IOutputCachePolicy
    {
        public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var user = http.User;
            // A list narrowed by words (q) is read through the search entries, which a rebuild after a new analysis
            // remakes beside the chain: it is not kept (nor is search itself).
            if (!HttpMethods.IsGet(http.Request.Method) || user.Identity?.IsAuthenticated != true || EntenteClaims.AccountOf(user) is not { } account
                || http.Request.Query.ContainsKey("q"))
            {
                context.EnableOutputCaching = false;
                return;
            }

            var head = await http.RequestServices.GetRequiredService<RequestChainHead>().GetAsync();
            context.EnableOutputCaching = true;
            context.AllowCacheLookup = true;
            context.AllowCacheStorage = true;
            context.AllowLocking = true;
            context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
            context.CacheVaryByRules.QueryKeys = "*";
            context.CacheVaryByRules.VaryByValues["chain"] = head.ToString(CultureInfo.InvariantCulture);
            context.CacheVaryByRules.VaryByValues["reader"] = string.Join('|', account.ToString("N"), EntenteClaims.PartyOf(user)?.ToString("N"), user.HasClaim(EntenteClaims.Administrator, "true"));
            context.CacheVaryByRules.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name + "|" + CultureInfo.CurrentCulture.Name;
            // What is due or overdue is counted from today: a new day is a new answer.
            context.CacheVaryByRules.VaryByValues["day"] = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            if (response.StatusCode != StatusCodes.Status200OK || !Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>
/// The audit chain's head as this request first read it: one read serves the token check and the read caches. Only a
/// GET keeps it (it saves nothing through the chain); a request that may save reads it again each time, so that what it
/// reads after its own save is never a value kept from before.
/// </summary>
public sealed class RequestChainHead(AppDbContext db, IHttpContextAccessor http)
{
    private long? _head;

    public async ValueTask<long> GetAsync()
    {
        if (_head is { } kept)
        {
            return kept;
        }

        var head = await db.ChainHeadAsync();
        if (http.HttpContext is { } context && (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)))
        {
            _head = head;
        }

        return head;
    }
}

/// <summary>
/// What a page reads (a body's dashboard, a page of items), kept in memory under the same rule as the API's answers
/// (ADR 0013): per reader's party and administrator flag (what the data layer's filters depend on), the day and the
/// audit chain's head, so that a save through any instance makes it unreachable. A page's HTML is never kept (it
/// carries the reader's antiforgery token and notices); only the records it shows.
/// </summary>
public sealed class ReadModelCache(IAuditActor reader, RequestChainHead head, TimeProvider clock, ReadModelStore store)
{
    /// <summary>The value kept for <paramref name="key"/> (a value with equality: a record, a tuple) for this reader now, or the one <paramref name="read"/> makes.</summary>
    public async Task<T> GetOrReadAsync<T>(object key, Func<Task<T>> read)
        where T : class
    {
        if (reader.IsSystem)
        {
            return await read();
        }

        var at = await head.GetAsync();
        var full = (typeof(T), key, reader.PartyId, reader.IsAdministrator, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), at);
        if (store.Memory.TryGetValue(full, out T? kept) && kept is not null)
        {
            return kept;
        }

        var value = await read();
        store.Memory.Set(full, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        return value;
    }
}

/// <summary>The process's store of <see cref="ReadModelCache"/>: at most 2,000 values.</summary>
public sealed class ReadModelStore : IDisposable
{
    public MemoryCache Memory { get; } = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public void Dispose() => Memory.Dispose();
}
