using System.Security.Cryptography;
using Entente.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <summary>Creates accounts with a generated password that is handed out once and stored only as Identity's hash.</summary>
public sealed class AccountCreation(AppDbContext db, UserManager<Account> users)
{
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public async Task<(Account? Account, string Password, IReadOnlyList<string> Errors)> CreateAsync(string email, string partyCode, string? displayName, bool administrator, CancellationToken ct)
    {
        var code = partyCode.Trim().ToUpperInvariant();
        var party = await db.Parties.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (party is null)
        {
            return (null, string.Empty, [$"No party has the code '{code}'."]);
        }

        var account = new Account { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, PartyId = party.Id, DisplayName = displayName, IsAdministrator = administrator };
        var password = NewPassword();
        var result = await users.CreateAsync(account, password);
        return result.Succeeded ? (account, password, []) : (null, string.Empty, [.. result.Errors.Select(e => e.Description)]);
    }

    /// <summary>A random password of 20 characters from an alphabet without look-alikes (about 115 bits).</summary>
    public static string NewPassword() => new([.. Enumerable.Range(0, 20).Select(_ => Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)])]);
}
