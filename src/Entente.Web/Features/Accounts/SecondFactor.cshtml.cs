using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Features.Accounts;

/// <summary>The code of the enrolled authenticator (or a recovery code), after the password.</summary>
[AllowAnonymous]
[EnableRateLimiting(SignInFlow.RateLimit)]
public sealed class SecondFactorModel(SignInFlow flow, IStringLocalizer<SharedResources> text) : EntentePage
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public bool Recovery { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await flow.SecondFactorAsync(Code, Recovery))
        {
            case SignInOutcome.SignedIn:
                return LocalRedirect(SignInModel.SafeReturn(ReturnUrl));
            case SignInOutcome.Expired:
                return RedirectToPage("/Accounts/SignIn", new { returnUrl = SignInModel.SafeReturn(ReturnUrl) });
            case SignInOutcome.LockedOut:
                AddError(string.Empty, text["ui.sign-in.locked"]);
                return Page();
            default:
                AddError("code", text["ui.second-factor.refused"]);
                return Page();
        }
    }
}
