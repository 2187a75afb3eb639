using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Accounts;

/// <summary>Ends the session (a post with the antiforgery token, so no other site can sign a user out).</summary>
[AllowAnonymous]
public sealed class SignOutModel(SignInFlow flow) : EntentePage
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await flow.SignOutAsync();
        return RedirectToPage("/Accounts/SignIn");
    }
}
