using System.Globalization;
using Entente.Data;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Accounts;

/// <summary>What a code of the authenticator is typed for; each use has its own last step.</summary>
public enum CodeUse
{
    SignIn,
    Signing,
}

/// <summary>
/// A code of an account's authenticator is good once for each use: the time step of the last code
/// accepted to sign in, and of the last accepted to sign a plan, are kept with the account, and a code
/// of that step or an earlier one is refused for that use, so that a code seen by someone else (over a
/// shoulder, in a log) opens no second session and signs nothing within its 30 seconds. (The uses are
/// apart so that a co-chair who has just signed in need not wait for the next code to sign.)
/// </summary>
public sealed class AuthenticatorCodes(UserManager<Account> users, TimeProvider clock)
{
    private const string Provider = "Entente";

    private static string LastStep(CodeUse use) => use == CodeUse.SignIn ? "LastSignInCodeStep" : "LastSigningCodeStep";

    /// <summary>
    /// The time step of <paramref name="code"/> when it is a code of the account's authenticator now (two
    /// steps either way, as Identity accepts it) and has not been used yet; null otherwise.
    /// </summary>
    public async Task<long?> FreshStepAsync(Account account, CodeUse use, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (string.IsNullOrEmpty(key)
            || !new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new OtpNet.VerificationWindow(previous: 2, future: 2)))
        {
            return null;
        }

        return step > await StepAsync(account, LastStep(use)) ? step : null;
    }

    /// <summary>Whether <paramref name="code"/> is a code of the account's authenticator that was already used (a replay, not a typing error).</summary>
    public async Task<bool> IsUsedAsync(Account account, CodeUse use, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        return !string.IsNullOrEmpty(key)
            && new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out _, new OtpNet.VerificationWindow(previous: 2, future: 2))
            && await FreshStepAsync(account, use, code) is null;
    }

    /// <summary>Marks the codes of <paramref name="step"/> and before as used.</summary>
    public Task UseAsync(Account account, CodeUse use, long step) =>
        users.SetAuthenticationTokenAsync(account, Provider, LastStep(use), step.ToString(CultureInfo.InvariantCulture));

    private async Task<long> StepAsync(Account account, string name) =>
        long.TryParse(await users.GetAuthenticationTokenAsync(account, Provider, name), NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? step : 0;
}
