using System.Globalization;
using Entente.Data;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.OutputCaching;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The read cache of the JSON API: an answer to a GET is kept in memory and served again to the same account, in the
/// same language, for the same address, on the same day, as long as nothing has been saved since (the audit chain's
/// head, read from the database on each request, is part of the key; ADR 0013). A save anywhere, through any instance, thus makes every kept answer
/// unreachable at once: nothing is invalidated by message, so several instances on one database stay exact. The
/// caller is authenticated and authorized before the cache is looked at; only 200 answers that set no cookie are kept.
/// </summary>
public static class ReadCache
{
    public const string Policy = "reads";

    public static IServiceCollection AddReadCache(this IServiceCollection services) =>
        services.AddScoped<RequestChainHead>().AddOutputCache(o =>
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

/// <summary>The audit chain's head as this request first read it: one read serves the token check and the read cache.</summary>
public sealed class RequestChainHead(AppDbContext db)
{
    private long? _head;

    public async ValueTask<long> GetAsync() => _head ??= await db.ChainHeadAsync();
}
