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

    public async Task<IActionResult> OnGetAsync()
    {
        ReturnUrl = SignInModel.SafeReturn(ReturnUrl);
        Setup = await flow.StartEnrolmentAsync();
        return Setup is null ? RedirectToPage("/Accounts/SignIn", new { returnUrl = ReturnUrl }) : Page();
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
                Setup = await flow.StartEnrolmentAsync();
                return Page();
        }
    }
}
