using System.Security.Claims;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Claim = System.Security.Claims.Claim;

namespace Entente.Web.Features.Accounts;

/// <summary>Where a sign-in step leaves the caller.</summary>
public enum SignInOutcome
{
    /// <summary>Signed in: the session cookie is set.</summary>
    SignedIn,

    /// <summary>The password was right; a code of the enrolled authenticator (or a recovery code) comes next.</summary>
    SecondFactorNeeded,

    /// <summary>The password was right, but the account's role needs a second factor it has not enrolled yet: enrolment comes next.</summary>
    EnrolmentNeeded,

    /// <summary>Wrong email, password or code (one answer for all, so that no account's existence leaks).</summary>
    Refused,

    /// <summary>Too many failures: the account is locked for a while.</summary>
    LockedOut,

    /// <summary>The pending second-factor step expired or was never started.</summary>
    Expired,
}

/// <summary>
/// Cookie sign-in for the pages, on Identity's <see cref="SignInManager{TUser}"/>: password, then
/// the second factor, which co-chairs, secretariats and administrators must have (an account
/// that lacks one enrols an authenticator before its first session). Every attempt is logged
/// with its outcome and the caller's address; failures count towards Identity's lockout.
/// </summary>
public sealed class SignInFlow(
    SignInManager<Account> signIn,
    UserManager<Account> users,
    IPasskeyHandler<Account> passkeys,
    AuthenticatorCodes codes,
    SignInThrottle throttle,
    AppDbContext db,
    RequestActor actor,
    IHttpContextAccessor http,
    ILogger<SignInFlow> logger)
{
    /// <summary>The rate-limiting policy of the sign-in forms (posts per address and minute).</summary>
    public const string RateLimit = "sign-in";

    private const string EnrolClaim = "entente:enrol";

    private const string PasskeyStateItem = "entente:passkey-state";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Sign-in needs a request.");

    /// <summary>True when the account's roles need a second factor: an administrator, or a co-chair or secretariat of any body.</summary>
    public Task<bool> NeedsSecondFactorAsync(Account account, CancellationToken ct) =>
        account.IsAdministrator
            ? Task.FromResult(true)
            : db.Memberships.AsNoTracking().AnyAsync(m => m.AccountId == account.Id && (m.Role == MemberRole.CoChair || m.Role == MemberRole.Secretariat), ct);

    public async Task<SignInOutcome> PasswordAsync(string? email, string? password, CancellationToken ct)
    {
        var account = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (account is null || string.IsNullOrEmpty(password) || account.DeactivatedAt is not null)
        {
            // A deactivated account is refused with the same answer as an unknown one.
            return Log(SignInOutcome.Refused, email, "unknown or deactivated account, or empty password");
        }

        actor.SigningIn(account);
        var address = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (await throttle.IsPausedAsync(account.Id, address, ct))
        {
            return Log(SignInOutcome.LockedOut, account.Email, "password step paused after repeated failures");
        }

        // Passwords pause sign-in (SignInThrottle); they never lock the account itself.
        var result = await signIn.PasswordSignInAsync(account, password, isPersistent: false, lockoutOnFailure: false);
        if (result.IsLockedOut)
        {
            return Log(SignInOutcome.LockedOut, account.Email, "password");
        }

        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            await throttle.FailedAsync(account.Id, address, ct);
            return Log(SignInOutcome.Refused, account.Email, "wrong password");
        }

        await throttle.ClearAsync(account.Id, address, ct);
        if (result.RequiresTwoFactor)
        {
            return Log(SignInOutcome.SecondFactorNeeded, account.Email, "password accepted");
        }

        if (await NeedsSecondFactorAsync(account, ct))
        {
            // Not a session yet: only the enrolment page, for a few minutes.
            await signIn.SignOutAsync();
            var pending = new ClaimsIdentity([new Claim(ClaimTypes.Name, account.Id.ToString("D")), new Claim(EnrolClaim, "true")], IdentityConstants.TwoFactorUserIdScheme);
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(pending), new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(10) });
            return Log(SignInOutcome.EnrolmentNeeded, account.Email, "password accepted, second factor to enrol");
        }

        RememberLanguage(account);
        return Log(SignInOutcome.SignedIn, account.Email, "password");
    }

    /// <summary>Checks a code of the authenticator (or, with <paramref name="recovery"/>, a recovery code) of the account whose password was accepted.</summary>
    public async Task<SignInOutcome> SecondFactorAsync(string? code, bool recovery)
    {
        var account = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (account is null || account.DeactivatedAt is not null || await IsEnrolmentAsync())
        {
            return Log(SignInOutcome.Expired, null, "no pending second factor");
        }

        actor.SigningIn(account);
        var clean = Normalize(code);
        var wellFormed = clean.Length == 6 && clean.All(char.IsAsciiDigit);
        var step = !recovery && wellFormed ? await codes.FreshStepAsync(account, CodeUse.SignIn, clean) : null;
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(clean)
            : step is not null
                ? await signIn.TwoFactorAuthenticatorSignInAsync(clean, isPersistent: false, rememberClient: false)
                : await CountFailureAsync(account); // malformed, wrong, or already used (a code opens one session)
        if (result.Succeeded && step is { } used)
        {
            await codes.UseAsync(account, CodeUse.SignIn, used);
        }

        if (result.IsLockedOut)
        {
            return Log(SignInOutcome.LockedOut, account.Email, recovery ? "recovery code" : "authenticator code");
        }

        if (!result.Succeeded)
        {
            return Log(SignInOutcome.Refused, account.Email, recovery ? "wrong recovery code" : "wrong authenticator code");
        }

        RememberLanguage(account);
        return Log(SignInOutcome.SignedIn, account.Email, recovery ? "password and recovery code" : "password and authenticator");
    }

    /// <summary>The account that must enrol a second factor now, or null when no enrolment is pending.</summary>
    public async Task<Account?> PendingEnrolmentAsync() =>
        await IsEnrolmentAsync() && await signIn.GetTwoFactorAuthenticationUserAsync() is { DeactivatedAt: null } account ? account : null;

    /// <summary>A new authenticator key for the pending account (shown on the enrolment page).</summary>
    public async Task<AuthenticatorSetupResponse?> StartEnrolmentAsync()
    {
        if (await PendingEnrolmentAsync() is not { } account)
        {
            return null;
        }

        actor.SigningIn(account);
        if (await users.GetAuthenticatorKeyAsync(account) is { Length: > 0 } key)
        {
            return SecondFactorHandler.Describe(account, key);
        }

        return await SecondFactorHandler.SetUpAsync(users, account);
    }

    /// <summary>Turns the second factor on with a first code of the new authenticator and signs in; the recovery codes are returned to be shown once.</summary>
    public async Task<(SignInOutcome Outcome, IReadOnlyList<string> RecoveryCodes)> FinishEnrolmentAsync(string? code)
    {
        if (await PendingEnrolmentAsync() is not { } account)
        {
            return (Log(SignInOutcome.Expired, null, "no pending enrolment"), []);
        }

        actor.SigningIn(account);
        var clean = Normalize(code);
        var step = clean.Length == 6 && clean.All(char.IsAsciiDigit) ? await codes.FreshStepAsync(account, CodeUse.SignIn, clean) : null;
        if (step is null || !await users.VerifyTwoFactorTokenAsync(account, users.Options.Tokens.AuthenticatorTokenProvider, clean))
        {
            await users.AccessFailedAsync(account);
            return (Log(await users.IsLockedOutAsync(account) ? SignInOutcome.LockedOut : SignInOutcome.Refused, account.Email, "wrong code at enrolment"), []);
        }

        await codes.UseAsync(account, CodeUse.SignIn, step.Value); // the code that opened this session opens no other
        await users.SetTwoFactorEnabledAsync(account, true);
        await users.ResetAccessFailedCountAsync(account);
        var recoveryCodes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "mfa")]);
        RememberLanguage(account);
        return (Log(SignInOutcome.SignedIn, account.Email, "password and newly enrolled authenticator"), [.. recoveryCodes ?? []]);
    }

    /// <summary>Whether the account has registered a passkey (which signs in on its own, in place of password and code).</summary>
    public async Task<bool> HasPasskeyAsync(Account account) => (await users.GetPasskeysAsync(account)).Count > 0;

    /// <summary>
    /// The options for the browser's <c>navigator.credentials.create</c> (JSON) for the account that must enrol,
    /// or null when no enrolment is pending. The attestation state rides in the pending enrolment's own cookie
    /// (Identity's sign-in manager would keep it in the same cookie and drop the enrolment).
    /// </summary>
    public async Task<string?> EnrolmentPasskeyOptionsAsync()
    {
        var pending = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (await PendingEnrolmentAsync() is not { } account || pending.Properties is null)
        {
            return null;
        }

        var options = await passkeys.MakeCreationOptionsAsync(Passkeys.UserEntity(account), Context);
        pending.Properties.Items[PasskeyStateItem] = options.AttestationState;
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, pending.Principal!, pending.Properties);
        return options.CreationOptionsJson;
    }

    /// <summary>
    /// Enrols the passkey the browser made as the account's second factor: checked against the options given
    /// (challenge, origin, the account it was made for), kept under <paramref name="name"/>, and the session opened;
    /// a passkey stands for both factors, as at sign-in.
    /// </summary>
    public async Task<SignInOutcome> FinishPasskeyEnrolmentAsync(string? credentialJson, string? name)
    {
        var pending = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        if (await PendingEnrolmentAsync() is not { } account)
        {
            return Log(SignInOutcome.Expired, null, "no pending enrolment");
        }

        actor.SigningIn(account);
        var label = Passkeys.Label(name);
        var state = pending.Properties?.Items.TryGetValue(PasskeyStateItem, out var kept) == true ? kept : null;
        var result = string.IsNullOrEmpty(credentialJson) || state is null
            ? null
            : await passkeys.PerformAttestationAsync(new PasskeyAttestationContext { HttpContext = Context, CredentialJson = credentialJson, AttestationState = state });
        if (result is not { Succeeded: true } || result.UserEntity.Id != account.Id.ToString("D"))
        {
            return Log(SignInOutcome.Refused, account.Email, "passkey at enrolment not verified: " + (result?.Failure?.Message ?? "no credential or no options given"));
        }

        result.Passkey.Name = label;
        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        await users.ResetAccessFailedCountAsync(account);
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "pop")]);
        RememberLanguage(account);
        return Log(SignInOutcome.SignedIn, account.Email, "password and newly enrolled passkey");
    }

    /// <summary>The options for the browser's <c>navigator.credentials.get</c> (JSON), for any account's passkey.</summary>
    public Task<string> PasskeyOptionsAsync() => signIn.MakePasskeyRequestOptionsAsync(null);

    /// <summary>Signs in with the passkey the browser used (it stands for both factors); a failed check or a locked account is refused.</summary>
    public async Task<SignInOutcome> PasskeyAsync(string? credentialJson)
    {
        var result = string.IsNullOrEmpty(credentialJson) ? null : await signIn.PerformPasskeyAssertionAsync(credentialJson);
        if (result is not { Succeeded: true })
        {
            return Log(SignInOutcome.Refused, null, "passkey not verified: " + (result?.Failure?.Message ?? "no credential"));
        }

        var account = result.User;
        actor.SigningIn(account);
        if (account.DeactivatedAt is not null || await users.IsLockedOutAsync(account))
        {
            return Log(SignInOutcome.LockedOut, account.Email, "passkey");
        }

        await users.AddOrUpdatePasskeyAsync(account, result.Passkey);
        await users.ResetAccessFailedCountAsync(account);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim("amr", "pop")]);
        RememberLanguage(account);
        return Log(SignInOutcome.SignedIn, account.Email, "passkey");
    }

    public async Task SignOutAsync()
    {
        var name = Context.User.Identity?.Name;
        await signIn.SignOutAsync();
        logger.LogInformation("Sign-out of {User} from {Remote}", name, Context.Connection.RemoteIpAddress);
    }

    /// <summary>Makes the account's chosen language the pages' language from now on (the culture cookie).</summary>
    private void RememberLanguage(Account account)
    {
        if (account.Language is { } language)
        {
            Languages.Remember(Context, language);
        }
    }

    private async Task<bool> IsEnrolmentAsync()
    {
        var pending = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        return pending.Succeeded && pending.Principal.HasClaim(EnrolClaim, "true");
    }

    /// <summary>A malformed code is a failed attempt too (it counts towards lockout).</summary>
    private async Task<Microsoft.AspNetCore.Identity.SignInResult> CountFailureAsync(Account account)
    {
        await users.AccessFailedAsync(account);
        return await users.IsLockedOutAsync(account) ? Microsoft.AspNetCore.Identity.SignInResult.LockedOut : Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }

    private static string Normalize(string? code) =>
        Digits.ToAscii(code ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal).Trim();

    private SignInOutcome Log(SignInOutcome outcome, string? email, string detail)
    {
        var level = outcome is SignInOutcome.Refused or SignInOutcome.LockedOut or SignInOutcome.Expired ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "Sign-in {Outcome} for {Email} from {Remote}: {Detail}", outcome, email ?? "-", Context.Connection.RemoteIpAddress, detail);
        return outcome;
    }
}
