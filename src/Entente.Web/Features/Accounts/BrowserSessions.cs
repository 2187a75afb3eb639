using System.Security.Claims;
using Entente.Data;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <summary>One signed-in browser of the reader's account, as the settings page lists it.</summary>
public sealed record BrowserSessionResponse(Guid Id, DateTime CreatedAt, DateTime LastSeenAt, string? UserAgent, string? Address, bool Current);

/// <summary>
/// The account's signed-in browsers, kept on the server (<see cref="AccountSession"/>): every sign-in makes one
/// and names it in the cookie; every request checks it has not ended, so that ending a session (signing out, from
/// another browser, a new password, a deactivation) takes effect at that browser's next request, not minutes later.
/// </summary>
public static class BrowserSessions
{
    /// <summary>The claim of the cookie that names its session.</summary>
    public const string Claim = "entente:session";

    /// <summary>How stale a session's "last seen" may grow before a request writes it again.</summary>
    private static readonly TimeSpan SeenEvery = TimeSpan.FromMinutes(1);

    public static Guid? Of(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(Claim), out var id) ? id : null;

    /// <summary>
    /// At a sign-in (and at every re-issue of the cookie: a refreshed sign-in after a new password keeps its session),
    /// names the session in the new cookie: the browser's current one when the same account is already signed in there,
    /// else a new one.
    /// </summary>
    public static async Task OnSigningInAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || EntenteClaims.AccountOf(context.Principal) is not { } account)
        {
            return;
        }

        var http = context.HttpContext;
        var current = EntenteClaims.AccountOf(http.User) == account ? Of(http.User) : null;
        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var clock = http.RequestServices.GetRequiredService<TimeProvider>();
        if (current is null || !await db.AccountSessions.AnyAsync(s => s.Id == current && s.EndedAt == null, http.RequestAborted))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var agent = http.Request.Headers.UserAgent.ToString();
            var session = new AccountSession
            {
                AccountId = account,
                CreatedAt = now,
                LastSeenAt = now,
                UserAgent = agent.Length == 0 ? null : agent[..Math.Min(agent.Length, AccountSession.MaxUserAgent)],
                Address = http.Connection.RemoteIpAddress?.ToString(),
            };
            db.AccountSessions.Add(session);
            await db.SaveChangesAsync(http.RequestAborted);
            current = session.Id;
        }

        foreach (var old in identity.FindAll(Claim).ToList())
        {
            identity.RemoveClaim(old);
        }

        identity.AddClaim(new Claim(Claim, current.Value.ToString("D")));
        http.Items[Claim] = current.Value; // a sign-out later in the same request (a second factor still to enrol) ends it
    }

    /// <summary>
    /// Whether the cookie's session still stands (its account active, the session not ended), noting when it was last
    /// seen; one indexed read per request, a write at most once a minute.
    /// </summary>
    public static async Task<bool> StandsAsync(HttpContext http, ClaimsPrincipal principal)
    {
        if (EntenteClaims.AccountOf(principal) is not { } account || Of(principal) is not { } id)
        {
            return false; // a cookie made before sessions were kept: sign in again
        }

        var db = http.RequestServices.GetRequiredService<AppDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var seen = await db.AccountSessions.AsNoTracking()
            .Where(s => s.Id == id && s.AccountId == account && s.EndedAt == null && db.Users.Any(a => a.Id == account && a.DeactivatedAt == null))
            .Select(s => (DateTime?)s.LastSeenAt).FirstOrDefaultAsync(http.RequestAborted);
        if (seen is null)
        {
            return false;
        }

        if (now - seen.Value > SeenEvery)
        {
            await db.AccountSessions.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now), http.RequestAborted);
        }

        return true;
    }

    /// <summary>The account's sessions that stand, the most recently seen first.</summary>
    public static async Task<IReadOnlyList<BrowserSessionResponse>> ListAsync(AppDbContext db, ClaimsPrincipal user, CancellationToken ct)
    {
        var account = EntenteClaims.AccountOf(user);
        var current = Of(user);
        return await db.AccountSessions.AsNoTracking().Where(s => s.AccountId == account && s.EndedAt == null)
            .OrderByDescending(s => s.LastSeenAt).Take(50)
            .Select(s => new BrowserSessionResponse(s.Id, s.CreatedAt, s.LastSeenAt, s.UserAgent, s.Address, s.Id == current))
            .ToListAsync(ct);
    }

    /// <summary>Ends every session of an account (a deactivation, a new invitation): its browsers are signed out at their next request.</summary>
    public static Task<int> EndAllAsync(AppDbContext db, TimeProvider clock, Guid account, CancellationToken ct) =>
        End(db.AccountSessions.Where(s => s.AccountId == account), clock, ct);

    /// <summary>Ends sessions of the reader's own account: one (by id), or every one but the current (with null). Returns how many ended.</summary>
    public static Task<int> EndAsync(AppDbContext db, TimeProvider clock, ClaimsPrincipal user, Guid? only, CancellationToken ct)
    {
        var account = EntenteClaims.AccountOf(user);
        var current = Of(user);
        return End(db.AccountSessions.Where(s => s.AccountId == account && (only == null ? s.Id != current : s.Id == only)), clock, ct);
    }

    /// <summary>Ends the sessions of <paramref name="sessions"/> that still stand, now.</summary>
    private static Task<int> End(IQueryable<AccountSession> sessions, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return sessions.Where(s => s.EndedAt == null).ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now), ct);
    }

    /// <summary>A browser as a person knows it, from its User-Agent: "Chrome on Windows", "Safari on iPhone"; null when it says neither.</summary>
    public static string? Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return null;
        }

        bool Has(string s) => userAgent.Contains(s, StringComparison.OrdinalIgnoreCase);
        var browser = Has("Edg/") ? "Edge" : Has("OPR/") ? "Opera" : Has("Firefox/") ? "Firefox" : Has("Chrom") ? "Chrome" : Has("Safari/") ? "Safari" : null;
        var system = Has("iPhone") ? "iPhone" : Has("iPad") ? "iPad" : Has("Android") ? "Android" : Has("Windows") ? "Windows" : Has("Mac OS X") || Has("Macintosh") ? "macOS" : Has("CrOS") ? "ChromeOS" : Has("Linux") ? "Linux" : null;
        return (browser, system) switch
        {
            (null, null) => null,
            (null, { } s) => s,
            ({ } b, null) => b,
            ({ } b, { } s) => $"{b} · {s}",
        };
    }

    /// <summary>Signing out ends the browser's session on the server too (a copied cookie no longer works).</summary>
    public static async Task OnSigningOutAsync(CookieSigningOutContext context)
    {
        var http = context.HttpContext;
        var id = Of(http.User) ?? http.Items[Claim] as Guid?;
        if (id is not null)
        {
            var db = http.RequestServices.GetRequiredService<AppDbContext>();
            await End(db.AccountSessions.Where(s => s.Id == id), http.RequestServices.GetRequiredService<TimeProvider>(), http.RequestAborted);
            http.Items.Remove(Claim);
        }
    }
}
