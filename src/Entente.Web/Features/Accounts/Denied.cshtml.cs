using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Entente.Web.Features.Accounts;

[AllowAnonymous]
public sealed class DeniedModel : EntentePage
{
    public void OnGet()
    {
    }
}
