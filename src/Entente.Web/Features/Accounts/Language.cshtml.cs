using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <summary>The language switch: kept in a cookie for this browser and, once signed in, on the account for every device.</summary>
[AllowAnonymous]
public sealed class LanguageModel(AppDbContext db) : EntentePage
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (!Languages.IsSupported(language))
        {
            return BadRequest();
        }

        Languages.Remember(HttpContext, language!);
        if (EntenteClaims.AccountOf(User) is { } id && await db.Users.FirstOrDefaultAsync(a => a.Id == id, ct) is { } account && account.Language != language)
        {
            account.Language = language;
            await db.SaveChangesAsync(ct);
        }

        return LocalRedirect(SignInModel.SafeReturn(returnUrl));
    }
}
