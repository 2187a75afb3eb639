using Microsoft.AspNetCore.Localization;

namespace Entente.Web.Infrastructure;

/// <summary>The two languages of the pages and the cookie that carries the reader's choice.</summary>
public static class Languages
{
    public const string Cookie = ".Entente.Language";

    public static bool IsSupported(string? language) => language is "ar" or "en";

    public static void Remember(HttpContext context, string language) =>
        context.Response.Cookies.Append(
            Cookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Secure = context.Request.IsHttps });
}
