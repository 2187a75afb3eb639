using System.Globalization;
using System.Security.Claims;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Accounts;

public sealed record SecondFactorResponse(bool Enabled, bool HasAuthenticator, int RecoveryCodesLeft);

/// <param name="SharedKey">The key to type into an authenticator app (base32).</param>
/// <param name="AuthenticatorUri">The <c>otpauth://</c> address an authenticator app reads from a QR code.</param>
public sealed record AuthenticatorSetupResponse(string SharedKey, string AuthenticatorUri);

public sealed record VerifyCodeRequest(string? Code);

/// <param name="RecoveryCodes">Shown this once; each signs in once when the authenticator is lost.</param>
public sealed record SecondFactorEnabledResponse(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// The second factor of an account: an authenticator app (TOTP, Identity's authenticator token
/// provider). Enrolment gives a key; the second factor is on once a code from it is verified.
/// </summary>
public sealed class SecondFactorHandler(UserManager<Account> users)
{
    public const string Issuer = "Entente";

    public async Task<SecondFactorResponse> StatusAsync(ClaimsPrincipal user)
    {
        var account = await CurrentAsync(user);
        return new SecondFactorResponse(
            await users.GetTwoFactorEnabledAsync(account),
            !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(account)),
            await users.CountRecoveryCodesAsync(account));
    }

    /// <summary>Makes a new authenticator key (replacing any former one) and returns it with its <c>otpauth://</c> address.</summary>
    public async Task<AuthenticatorSetupResponse> SetUpAuthenticatorAsync(ClaimsPrincipal user)
    {
        var account = await CurrentAsync(user);
        return await SetUpAsync(users, account);
    }

    /// <summary>Turns the second factor on when <paramref name="request"/> holds a current code of the authenticator (Arabic-Indic digits accepted).</summary>
    public async Task<SecondFactorEnabledResponse> VerifyAsync(ClaimsPrincipal user, VerifyCodeRequest request)
    {
        var account = await CurrentAsync(user);
        var code = Digits.ToAscii(request.Code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        var valid = code.Length == 6 && code.All(char.IsAsciiDigit)
            && await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.WrongCode, "code", "The code does not match the authenticator; check the device's clock and type the current six digits.")]));
        }

        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
        return new SecondFactorEnabledResponse([.. codes ?? []]);
    }

    /// <summary>Sets up and turns on an authenticator for an account at once (the demo run, whose secrets it prints).</summary>
    public static async Task<AuthenticatorSetupResponse> EnrolAsync(UserManager<Account> users, Account account)
    {
        var setup = await SetUpAsync(users, account);
        await users.SetTwoFactorEnabledAsync(account, true);
        return setup;
    }

    /// <summary>Makes a new authenticator key for the account (replacing any former one).</summary>
    public static async Task<AuthenticatorSetupResponse> SetUpAsync(UserManager<Account> users, Account account)
    {
        await users.ResetAuthenticatorKeyAsync(account);
        return Describe(account, (await users.GetAuthenticatorKeyAsync(account))!);
    }

    /// <summary>The key and its <c>otpauth://</c> address, as an authenticator app takes them.</summary>
    public static AuthenticatorSetupResponse Describe(Account account, string key)
    {
        var label = Uri.EscapeDataString($"{Issuer}:{account.Email}");
        var uri = string.Create(CultureInfo.InvariantCulture, $"otpauth://totp/{label}?secret={key}&issuer={Issuer}&digits=6");
        return new AuthenticatorSetupResponse(key, uri);
    }

    private async Task<Account> CurrentAsync(ClaimsPrincipal user) =>
        await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.NotFound("account", EntenteClaims.AccountOf(user) ?? Guid.Empty));
}
