using System.Security.Claims;
using Entente.Data;
using Entente.Web.Features.Audit;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Claim = System.Security.Claims.Claim;

namespace Entente.Web.Features.Accounts;

public sealed record PasskeyResponse(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// Passkeys (WebAuthn, .NET 10 Identity): an account registers them from its settings; a passkey
/// with user verification signs in on its own, as a password and a second factor would.
/// </summary>
public sealed class Passkeys(SignInManager<Account> signIn, UserManager<Account> users, HttpAuditActor actor, IHttpContextAccessor http, ILogger<Passkeys> logger)
{
    public const int MaxNameLength = 100;

    /// <summary>The options for the browser's <c>navigator.credentials.create</c> (JSON), for the signed-in account.</summary>
    public async Task<string> CreationOptionsAsync(ClaimsPrincipal user)
    {
        var account = await CurrentAsync(user);
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = account.Id.ToString("D"),
            Name = account.Email ?? account.Id.ToString("D"),
            DisplayName = account.DisplayName ?? account.Email ?? account.Id.ToString("D"),
        });
    }

    /// <summary>Checks the new credential the browser made and keeps it under <paramref name="name"/>.</summary>
    public async Task AddAsync(ClaimsPrincipal user, string? credentialJson, string? name)
    {
        var account = await CurrentAsync(user);
        var label = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        if (label.Length > MaxNameLength)
        {
            throw new ApiErrorException(new ApiError.Rules([new Domain.RuleError(Domain.RuleCodes.TooLong, "passkeyName", $"A passkey's name is at most {MaxNameLength} characters.", MaxNameLength)]));
        }

        var result = string.IsNullOrEmpty(credentialJson) ? null : await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (result is not { Succeeded: true } || result.UserEntity.Id != account.Id.ToString("D"))
        {
            logger.LogWarning("Passkey registration refused for {User}: {Reason}", account.Email, result?.Failure?.Message ?? "no credential");
            throw new ApiErrorException(new ApiError.Rules([new Domain.RuleError(Domain.RuleCodes.Mismatch, "passkey", "The browser's passkey could not be verified; nothing was added.")]));
        }

        result.Passkey.Name = label;
        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        logger.LogInformation("Passkey {Name} added for {User}", label, account.Email);
    }

    public async Task<IReadOnlyList<PasskeyResponse>> ListAsync(ClaimsPrincipal user)
    {
        var account = await CurrentAsync(user);
        return [.. (await users.GetPasskeysAsync(account)).OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyResponse(Convert.ToBase64String(p.CredentialId).TrimEnd('=').Replace('+', '-').Replace('/', '_'), p.Name ?? "Passkey", p.CreatedAt))];
    }

    public async Task RemoveAsync(ClaimsPrincipal user, string id)
    {
        var account = await CurrentAsync(user);
        var padded = id.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - (padded.Length % 4)) % 4);
        byte[] credentialId;
        try
        {
            credentialId = Convert.FromBase64String(padded);
        }
        catch (FormatException)
        {
            throw new ApiErrorException(new ApiError.NotFound("passkey", Guid.Empty));
        }

        var result = await users.RemovePasskeyAsync(account, credentialId);
        if (!result.Succeeded)
        {
            throw new ApiErrorException(new ApiError.NotFound("passkey", Guid.Empty));
        }
    }

    /// <summary>The options for the browser's <c>navigator.credentials.get</c> (JSON), any account's passkey.</summary>
    public Task<string> RequestOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>Signs in with the browser's answer; a locked account or a failed check is refused, and logged.</summary>
    public async Task<SignInOutcome> SignInAsync(string? credentialJson)
    {
        var context = http.HttpContext!;
        var result = string.IsNullOrEmpty(credentialJson) ? null : await signIn.PerformPasskeyAssertionAsync(credentialJson);
        if (result is not { Succeeded: true })
        {
            logger.LogWarning("Sign-in {Outcome} for {Email} from {Remote}: {Detail}", SignInOutcome.Refused, "-", context.Connection.RemoteIpAddress, "passkey not verified: " + (result?.Failure?.Message ?? "no credential"));
            return SignInOutcome.Refused;
        }

        var account = result.User;
        actor.SigningIn(account);
        if (await users.IsLockedOutAsync(account))
        {
            logger.LogWarning("Sign-in {Outcome} for {Email} from {Remote}: {Detail}", SignInOutcome.LockedOut, account.Email, context.Connection.RemoteIpAddress, "passkey");
            return SignInOutcome.LockedOut;
        }

        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        await users.ResetAccessFailedCountAsync(account);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "pop")]);
        if (account.Language is { } language)
        {
            Languages.Remember(context, language);
        }

        logger.LogInformation("Sign-in {Outcome} for {Email} from {Remote}: {Detail}", SignInOutcome.SignedIn, account.Email, context.Connection.RemoteIpAddress, "passkey");
        return SignInOutcome.SignedIn;
    }

    private async Task<Account> CurrentAsync(ClaimsPrincipal user) =>
        await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.NotFound("account", EntenteClaims.AccountOf(user) ?? Guid.Empty));
}
