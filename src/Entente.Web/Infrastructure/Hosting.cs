namespace Entente.Web.Infrastructure;

/// <summary>Where the program listens when nothing else is said.</summary>
public static class Hosting
{
    /// <summary>The address of a plain run: loopback only, until accounts and access rules exist.</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Listens on <see cref="DefaultUrl"/> unless <c>--urls</c>, <c>ASPNETCORE_URLS</c> or <c>URLS</c> says otherwise.</summary>
    public static WebApplicationBuilder UseDefaultAddress(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration["urls"]) && string.IsNullOrWhiteSpace(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        return builder;
    }
}
