using System.Security.Claims;

namespace Entente.Web.Infrastructure.Auth;

/// <summary>Claims Entente puts on a signed-in principal.</summary>
public static class EntenteClaims
{
    public const string Party = "entente:party";
    public const string Administrator = "entente:admin";
    public const string Token = "entente:token";

    /// <summary>The party of the signed-in user, if any.</summary>
    public static Guid? PartyOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(Party), out var party) ? party : null;

    /// <summary>The account id of the signed-in user, if any.</summary>
    public static Guid? AccountOf(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
