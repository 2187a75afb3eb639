using System.Security.Claims;
using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Accounts;

public sealed record PasskeyResponse(string Id, string Name, DateTimeOffset CreatedAt);

/// <summary>
/// Passkeys (WebAuthn, .NET 10 Identity): an account registers them from its settings; a passkey
/// with user verification signs in on its own, as a password and a second factor would
/// (<see cref="SignInFlow.PasskeyAsync"/>).
/// </summary>
public sealed class Passkeys(SignInManager<Account> signIn, UserManager<Account> users, ILogger<Passkeys> logger)
{
    public const int MaxNameLength = 100;

    /// <summary>The options for the browser's <c>navigator.credentials.create</c> (JSON), for the signed-in account.</summary>
    public async Task<string> CreationOptionsAsync(ClaimsPrincipal user)
    {
        var account = await CurrentAsync(user);
        return await signIn.MakePasskeyCreationOptionsAsync(UserEntity(account));
    }

    /// <summary>How the account is named to the browser's authenticator.</summary>
    public static PasskeyUserEntity UserEntity(Account account) => new()
    {
        Id = account.Id.ToString("D"),
        Name = account.Email ?? account.Id.ToString("D"),
        DisplayName = account.DisplayName ?? account.Email ?? account.Id.ToString("D"),
    };

    /// <summary>The name a new passkey is kept under (a default when none is given); too long a name is refused, naming <c>passkeyName</c>.</summary>
    public static string Label(string? name)
    {
        var label = string.IsNullOrWhiteSpace(name) ? "Passkey" : name.Trim();
        return label.Length <= MaxNameLength
            ? label
            : throw new ApiErrorException(new ApiError.Rules([new Domain.RuleError(Domain.RuleCodes.TooLong, "passkeyName", $"A passkey's name is at most {MaxNameLength} characters.", MaxNameLength)]));
    }

    /// <summary>Checks the new credential the browser made and keeps it under <paramref name="name"/>.</summary>
    public async Task AddAsync(ClaimsPrincipal user, string? credentialJson, string? name)
    {
        var account = await CurrentAsync(user);
        var label = Label(name);

        var result = string.IsNullOrEmpty(credentialJson) ? null : await signIn.PerformPasskeyAttestationAsync(credentialJson);
        if (result is not { Succeeded: true } || result.UserEntity.Id != account.Id.ToString("D"))
        {
            logger.LogWarning("Passkey registration refused for {User}: {Reason}", account.Email, result?.Failure?.Message ?? "no credential");
            throw new ApiErrorException(new ApiError.Rules([new Domain.RuleError(Domain.RuleCodes.NotVerified, "passkey", "The browser's passkey could not be verified; nothing was added.")]));
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

    private async Task<Account> CurrentAsync(ClaimsPrincipal user) =>
        await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.NotFound("account", EntenteClaims.AccountOf(user) ?? Guid.Empty));
}
