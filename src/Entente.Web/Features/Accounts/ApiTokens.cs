using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Claim = System.Security.Claims.Claim;

namespace Entente.Web.Features.Accounts;

/// <summary>
/// API tokens: made of 32 random bytes, shown once, stored only as their SHA-256; expiring,
/// revocable, listed by name.
/// </summary>
public sealed class ApiTokens(AppDbContext db, TimeProvider clock, RequestChainHead? head = null, ApiTokenLookups? lookups = null)
{
    public const string Scheme = "ApiToken";
    private const string TokenPrefix = "ent_";

    /// <summary>Makes a token for <paramref name="account"/> and returns it with its record; the token text is not kept.</summary>
    public async Task<(string Token, ApiToken Record)> CreateAsync(Account account, string name, int days, CancellationToken ct)
    {
        var token = TokenPrefix + Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiToken
        {
            AccountId = account.Id,
            Name = name,
            TokenHash = Hash(token),
            Prefix = token[..10],
            ExpiresAt = clock.GetUtcNow().UtcDateTime.AddDays(days),
        };
        db.ApiTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return (token, record);
    }

    /// <summary>The account a presented token belongs to, when the token is known, unexpired, unrevoked and the account not locked out.</summary>
    public async Task<(Account Account, ApiToken Token)?> FindAsync(string token, CancellationToken ct)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        // The token and its account as stored when the audit chain was at this head: every change of either is a save
        // through the chain, so while the head stays, what was read then is what the database holds.
        var at = head is null ? (long?)null : await head.GetAsync();
        if (at is null || lookups is null || !lookups.TryGet(hash, at.Value, out var found))
        {
            found = await FindStoredAsync(db, hash);
            if (at is not null)
            {
                lookups?.Keep(hash, at.Value, found);
            }
        }

        // What changes with time alone (expiry, a lockout's end) is checked on every request.
        if (found is not { } f || !f.Token.IsActive(now) || (f.Account.LockoutEnd is { } end && end > clock.GetUtcNow())
            || f.Account.DeactivatedAt is not null || (f.Account.TokensValidFrom is { } from && f.Token.CreatedAt < from))
        {
            return null;
        }

        return f;
    }

    private static readonly CompiledPerModel<Func<AppDbContext, string, Task<TokenAndAccount?>>> FindStored = new(() => EF.CompileAsyncQuery((AppDbContext db, string hash) =>
        db.ApiTokens.AsNoTracking().Where(t => t.TokenHash == hash)
            .Join(db.Users.AsNoTracking(), t => t.AccountId, a => a.Id, (t, a) => new TokenAndAccount(a, t))
            .FirstOrDefault()));

    private static async Task<(Account Account, ApiToken Token)?> FindStoredAsync(AppDbContext db, string hash) =>
        await FindStored.For(db)(db, hash) is { } found ? (found.Account, found.Token) : null;

    private sealed record TokenAndAccount(Account Account, ApiToken Token);

    /// <summary>The principal of an account, with its party and administrator flag.</summary>
    public static ClaimsPrincipal PrincipalOf(Account account, string scheme, Guid? tokenId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString("D")),
            new(ClaimTypes.Name, account.Email ?? account.UserName ?? account.Id.ToString("D")),
            new(EntenteClaims.Party, account.PartyId.ToString("D")),
        };
        if (account.IsAdministrator)
        {
            claims.Add(new Claim(EntenteClaims.Administrator, "true"));
        }

        if (tokenId is not null)
        {
            claims.Add(new Claim(EntenteClaims.Token, tokenId.Value.ToString("D")));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

/// <summary>
/// Tokens as last read, each with the audit chain's head it was read at (a hash that matches none is kept too, so
/// that a wrong token costs no more than a right one). Read again as soon as the head has moved; never more than
/// <see cref="Limit"/> kept, so that tokens made up by a caller cannot fill the memory.
/// </summary>
public sealed class ApiTokenLookups
{
    public const int Limit = 10_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (long Head, (Account Account, ApiToken Token)? Found)> _kept = new(StringComparer.Ordinal);

    public bool TryGet(string hash, long head, out (Account Account, ApiToken Token)? found)
    {
        if (_kept.TryGetValue(hash, out var kept) && kept.Head == head)
        {
            found = kept.Found;
            return true;
        }

        found = null;
        return false;
    }

    public void Keep(string hash, long head, (Account Account, ApiToken Token)? found)
    {
        if (_kept.Count >= Limit)
        {
            _kept.Clear();
        }

        _kept[hash] = (head, found);
    }
}

/// <summary>Authenticates <c>Authorization: Bearer ent_…</c> against the stored token hashes.</summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokens tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        var found = await tokens.FindAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (found is not { } f)
        {
            Logger.LogWarning("Refused API token from {Remote}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API token is unknown, expired or revoked.");
        }

        var principal = ApiTokens.PrincipalOf(f.Account, Scheme.Name, f.Token.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }
}
