using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Features.Accounts;

/// <summary>
/// First sign-in of an account whose role needs a second factor it has not got: an authenticator
/// is enrolled here (its key shown, a first code checked) before any session is opened.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInFlow.RateLimit)]
public sealed class EnrolModel(SignInFlow flow, IStringLocalizer<SharedResources> text) : EntentePage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public AuthenticatorSetupResponse? Setup { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    /// <summary>The account already has a passkey, which signs in on its own: the page says so.</summary>
    public bool HasPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ReturnUrl = SignInModel.SafeReturn(ReturnUrl);
        return await ShowAsync() ? Page() : RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
    }

    /// <summary>The options for the browser to make a passkey for the account that must enrol (JSON); 401 when no enrolment is pending.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        await flow.EnrolmentPasskeyOptionsAsync() is { } json ? Content(json, "application/json") : Unauthorized();

    /// <summary>Enrols the passkey the browser made, in place of an authenticator, and opens the session.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson, string? passkeyName)
    {
        ReturnUrl = SignInModel.SafeReturn(ReturnUrl);
        var outcome = SignInOutcome.Refused;
        if (!await TryAsync(async () => outcome = await flow.FinishPasskeyEnrolmentAsync(credentialJson, passkeyName)))
        {
            return await ShowAsync() ? Page() : RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
        }

        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(ReturnUrl);
            case SignInOutcome.Expired:
                return RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
            default:
                AddError("passkey", text["ui.passkey.refused"]);
                await ShowAsync();
                return Page();
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        ReturnUrl = SignInModel.SafeReturn(ReturnUrl);
        var (outcome, codes) = await flow.FinishEnrolmentAsync(Code);
        switch (outcome)
        {
            case SignInOutcome.SignedIn:
                RecoveryCodes = codes;
                return Page();
            case SignInOutcome.Expired:
                return RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl });
            case SignInOutcome.LockedOut:
                AddError(string.Empty, text["ui.sign-in.locked"]);
                return Page();
            default:
                AddError("code", text["ui.second-factor.refused"]);
                await ShowAsync();
                return Page();
        }
    }

    /// <summary>Loads the authenticator key to show and whether a passkey exists; false when no enrolment is pending.</summary>
    private async Task<bool> ShowAsync()
    {
        Setup = await flow.StartEnrolmentAsync();
        HasPasskey = await flow.PendingEnrolmentAsync() is { } account && await flow.HasPasskeyAsync(account);
        return Setup is not null;
    }
}
