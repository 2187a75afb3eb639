using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Features.Accounts;

/// <summary>Email and password; then the second factor, or its enrolment, as the account's roles require.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInFlow.RateLimit)]
public sealed class SignInModel(SignInFlow flow, IStringLocalizer<SharedResources> text) : EntentePage
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var outcome = await flow.PasswordAsync(Email, Password, ct);
        return outcome switch
        {
            SignInOutcome.SignedIn => LocalRedirect(SafeReturn(ReturnUrl)),
            SignInOutcome.SecondFactorNeeded => RedirectToPage("/Accounts/SecondFactor", new { returnUrl = SafeReturn(ReturnUrl) }),
            SignInOutcome.EnrolmentNeeded => RedirectToPage("/Accounts/Enrol", new { returnUrl = SafeReturn(ReturnUrl) }),
            // One answer whether the account exists, the password is wrong or sign-in is paused: none tells an account apart.
            _ => Refuse(text["ui.sign-in.refused"]),
        };
    }

    /// <summary>The options for the browser to use a passkey of any account (JSON).</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() => Content(await flow.PasskeyOptionsAsync(), "application/json");

    /// <summary>Signs in with the passkey the browser used.</summary>
    public async Task<IActionResult> OnPostPasskeyAsync(string? credentialJson) =>
        await flow.PasskeyAsync(credentialJson) switch
        {
            SignInOutcome.SignedIn => LocalRedirect(SafeReturn(ReturnUrl)),
            SignInOutcome.LockedOut => Refuse(text["ui.sign-in.locked"]),
            _ => Refuse(text["ui.passkey.refused"]),
        };

    /// <summary>Only a path of this site is a place to go back to.</summary>
    public static string SafeReturn(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";

    private Microsoft.AspNetCore.Mvc.RazorPages.PageResult Refuse(string message)
    {
        AddError(string.Empty, message);
        return Page();
    }
}
