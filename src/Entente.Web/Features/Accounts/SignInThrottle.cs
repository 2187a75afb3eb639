using Entente.Data;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <summary>
/// Wrong passwords pause sign-in instead of locking the account: five failures on one account from
/// one address within fifteen minutes pause that address for that account; fifty from all addresses
/// together pause the account's password step for everyone until the window passes. The account is
/// never locked by passwords alone (its API tokens keep working, and a stranger who knows an address
/// cannot shut its owner out from their own desk); wrong second-factor codes, which only someone who
/// knows the password can type, still lock it through Identity's lockout.
/// </summary>
public sealed class SignInThrottle(AppDbContext db, TimeProvider clock)
{
    public const int PerAddress = 5;

    public const int PerAccount = 50;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>True when sign-in of the account from the address is paused now.</summary>
    public async Task<bool> IsPausedAsync(Guid accountId, string address, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - Window;
        var recent = await db.SignInFailures.AsNoTracking().Where(f => f.AccountId == accountId && f.WindowStart > since)
            .Select(f => new { f.Address, f.Failures }).ToListAsync(ct);
        return recent.Any(f => f.Address == address && f.Failures >= PerAddress) || recent.Sum(f => f.Failures) >= PerAccount;
    }

    /// <summary>Counts a wrong password (a window that has passed starts again at one).</summary>
    public async Task FailedAsync(Guid accountId, string address, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var since = now - Window;
            var counted = await db.SignInFailures.Where(f => f.AccountId == accountId && f.Address == address)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(f => f.Failures, f => f.WindowStart > since ? f.Failures + 1 : 1)
                    .SetProperty(f => f.WindowStart, f => f.WindowStart > since ? f.WindowStart : now), ct);
            if (counted > 0)
            {
                return;
            }

            var first = new SignInFailure { AccountId = accountId, Address = address, Failures = 1, WindowStart = now };
            db.SignInFailures.Add(first);
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException)
            {
                db.Entry(first).State = EntityState.Detached; // another instance counted the first failure at the same moment
            }
        }
    }

    /// <summary>Forgets the address's failures once the right password has been typed from it.</summary>
    public Task ClearAsync(Guid accountId, string address, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.AccountId == accountId && f.Address == address).ExecuteDeleteAsync(ct);
}
