using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Features.Accounts;

/// <summary>
/// The first visit of an invited person: the link's one-time token lets them set a password (once; the link then stops
/// working); the second factor is asked for at the first sign-in when their roles require one.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(SignInFlow.RateLimit)]
public sealed class InvitationModel(UserManager<Account> users, RequestActor actor, IStringLocalizer<SharedResources> text, ILogger<InvitationModel> log) : EntentePage
{
    [BindProperty(SupportsGet = true)]
    public Guid Account { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Email { get; private set; }

    public bool Valid { get; private set; }

    public bool Done { get; private set; }

    public async Task OnGetAsync() => await CheckAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var account = await CheckAsync();
        if (account is null)
        {
            return Page();
        }

        if (string.IsNullOrEmpty(Password))
        {
            AddError("password", text["ui.invitation.password-required"]);
            return Page();
        }

        if (Password != Confirmation)
        {
            AddError("confirmation", text["ui.invitation.mismatch"]);
            return Page();
        }

        // Identity's writes here are the invited account's own (the password, the security stamp that ends the link).
        actor.SigningIn(account);
        var result = await users.ResetPasswordAsync(account, Token!, Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                AddError(error.Code == "InvalidToken" ? string.Empty : "password", error.Code == "InvalidToken" ? text["ui.invitation.invalid"] : error.Description);
            }

            return Page();
        }

        log.LogInformation("Invitation taken up by {Account}", account.Email);
        Done = true;
        return Page();
    }

    /// <summary>The invited account when the link is still good: the account exists, is active, has no password yet, and the token is its own.</summary>
    private async Task<Account?> CheckAsync()
    {
        var account = Account == Guid.Empty || string.IsNullOrEmpty(Token) ? null : await users.FindByIdAsync(Account.ToString("D"));
        Valid = account is not null
            && !await users.HasPasswordAsync(account)
            && !await users.IsLockedOutAsync(account)
            && await users.VerifyUserTokenAsync(account, users.Options.Tokens.PasswordResetTokenProvider, UserManager<Account>.ResetPasswordTokenPurpose, Token!);
        Email = Valid ? account!.Email : null;
        return Valid ? account : null;
    }
}
