using System.Globalization;
using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <summary>The account's own settings: language, calendar and digits; the password and the sessions signed in with it; the second factor and its recovery codes; passkeys; API tokens.</summary>
public sealed class SettingsModel(AppDbContext db, TimeProvider clock, AccountsHandler accounts, SecondFactorHandler secondFactor, Passkeys passkeys, Microsoft.AspNetCore.Identity.UserManager<Account> users, Microsoft.AspNetCore.Identity.SignInManager<Account> signIn, Microsoft.Extensions.Localization.IStringLocalizer<SharedResources> text) : EntentePage
{
    public string Language { get; private set; } = "en";

    public bool Hijri { get; private set; }

    public bool ArabicDigits { get; private set; }

    /// <summary>The zone the reader chose, or null for the instance's.</summary>
    public string? TimeZone { get; private set; }

    /// <summary>The person the account is, when an administrator said so.</summary>
    public (Guid Id, TextDto Name)? Person { get; private set; }

    public IReadOnlyList<BrowserSessionResponse> Sessions { get; private set; } = [];

    public SecondFactorResponse SecondFactor { get; private set; } = new(false, false, 0);

    public IReadOnlyList<ApiTokenResponse> Tokens { get; private set; } = [];

    public NewApiTokenResponse? NewToken { get; private set; }

    public AuthenticatorSetupResponse? NewAuthenticator { get; private set; }

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public IReadOnlyList<PasskeyResponse> PasskeyList { get; private set; } = [];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostPreferencesAsync(string? language, bool hijri, bool arabicDigits, string? timeZone, CancellationToken ct)
    {
        var account = await db.Users.FirstAsync(a => a.Id == EntenteClaims.AccountOf(User), ct);
        var zone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim();
        if (zone is not null && !Domain.TimeZones.IsKnown(zone))
        {
            AddError("timeZone", text["ui.settings.time-zone-unknown"]);
            await LoadAsync(ct);
            return Page();
        }

        account.TimeZone = zone;
        if (Languages.IsSupported(language))
        {
            account.Language = language;
            Languages.Remember(HttpContext, language!);
        }

        account.HijriDates = hijri;
        account.ArabicIndicDigits = arabicDigits;
        await db.SaveChangesAsync(ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostCreateTokenAsync(string? tokenName, string? tokenDays, CancellationToken ct)
    {
        int? days = int.TryParse(Digits.ToAscii(tokenDays ?? string.Empty).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null;
        if (days is null && !string.IsNullOrWhiteSpace(tokenDays))
        {
            days = -1;
        }

        await TryAsync(async () => NewToken = await accounts.CreateTokenAsync(User, new ApiTokenRequest(tokenName, days), ct));
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken ct)
    {
        await accounts.RevokeTokenAsync(User, tokenId, ct);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostNewAuthenticatorAsync(CancellationToken ct)
    {
        NewAuthenticator = await secondFactor.SetUpAuthenticatorAsync(User);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostVerifyAuthenticatorAsync(string? code, CancellationToken ct)
    {
        await TryAsync(async () => RecoveryCodes = (await secondFactor.VerifyAsync(User, new VerifyCodeRequest(code))).RecoveryCodes);
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>
    /// Changes the password, given the current one: the rules of a password are said under the field they
    /// concern, in the reader's language; this session stays signed in, the account's other sessions end
    /// (the new security stamp is checked within five minutes).
    /// </summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword, string? confirmPassword, CancellationToken ct)
    {
        var account = await users.GetUserAsync(User) ?? throw new ApiErrorException(new ApiError.NotFound("account", Guid.Empty));
        if (string.IsNullOrEmpty(currentPassword))
        {
            AddError("currentPassword", text["ui.password.current-required"]);
        }

        if (string.IsNullOrEmpty(newPassword))
        {
            AddError("newPassword", text["ui.password.new-required"]);
        }
        else if (newPassword != confirmPassword)
        {
            AddError("confirmPassword", text["ui.password.confirm-differs"]);
        }

        if (!HasErrors)
        {
            var result = await users.ChangePasswordAsync(account, currentPassword!, newPassword!);
            if (result.Succeeded)
            {
                await signIn.RefreshSignInAsync(account);
                await BrowserSessions.EndAsync(db, clock, User, null, ct); // a new password ends the account's other sessions at once
                TempData[FlashKey] = "password-changed";
                return RedirectToPage();
            }

            foreach (var error in result.Errors)
            {
                var said = text["ui.password.rule." + error.Code];
                AddError(error.Code == "PasswordMismatch" ? "currentPassword" : "newPassword", said.ResourceNotFound ? error.Description : said.Value);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Ends every other session of the account (a laptop left signed in): they end at their next request.</summary>
    public async Task<IActionResult> OnPostEndOtherSessionsAsync(CancellationToken ct)
    {
        await BrowserSessions.EndAsync(db, clock, User, null, ct);
        TempData[FlashKey] = "sessions-ended";
        return RedirectToPage();
    }

    /// <summary>Ends one other session of the account (only the account's own; this one is ended by signing out).</summary>
    public async Task<IActionResult> OnPostEndSessionAsync(Guid sessionId, CancellationToken ct)
    {
        if (sessionId != BrowserSessions.Of(User))
        {
            await BrowserSessions.EndAsync(db, clock, User, sessionId, ct);
        }

        TempData[FlashKey] = "session-ended";
        return RedirectToPage();
    }

    /// <summary>Ten new recovery codes, shown this once; the ones before no longer work.</summary>
    public async Task<IActionResult> OnPostRecoveryCodesAsync(CancellationToken ct)
    {
        var account = await users.GetUserAsync(User) ?? throw new ApiErrorException(new ApiError.NotFound("account", Guid.Empty));
        if (await users.GetTwoFactorEnabledAsync(account))
        {
            RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10) ?? []];
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The options for the browser to make a passkey for this account (JSON).</summary>
    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync() => Content(await passkeys.CreationOptionsAsync(User), "application/json");

    public async Task<IActionResult> OnPostAddPasskeyAsync(string? credentialJson, string? passkeyName, CancellationToken ct)
    {
        if (await TryAsync(() => passkeys.AddAsync(User, credentialJson, passkeyName)))
        {
            return RedirectToPage();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? passkeyId)
    {
        await passkeys.RemoveAsync(User, passkeyId ?? string.Empty);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = EntenteClaims.AccountOf(User);
        var account = await db.Users.AsNoTracking().FirstAsync(a => a.Id == id, ct);
        Language = account.Language ?? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? "ar" : "en");
        Hijri = account.HijriDates;
        ArabicDigits = account.ArabicIndicDigits;
        TimeZone = account.TimeZone;
        Person = account.PersonId is { } personId
            && (await People.PersonChoices.ReadAsync(db.People.AsNoTracking().Where(p => p.Id == personId), ct)).FirstOrDefault() is { } p
            ? (p.Id, p.Name)
            : null;
        Sessions = await BrowserSessions.ListAsync(db, User, ct);
        SecondFactor = await secondFactor.StatusAsync(User);
        Tokens = await accounts.ListTokensAsync(User, ct);
        PasskeyList = await passkeys.ListAsync(User);
    }
}
