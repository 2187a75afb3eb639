using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Behind a reverse proxy that terminates TLS, the program learns the caller's address and scheme
/// from <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> — but only from the proxies it is told
/// to trust (<c>Entente:TrustedProxies</c>: addresses or networks in CIDR form, comma-separated).
/// Then cookies are marked Secure for an HTTPS caller, HSTS applies, and the sign-in limit counts
/// the caller's own address rather than the proxy's. Without the setting, the headers are ignored.
/// </summary>
public static class Proxies
{
    public const string Setting = "Entente:TrustedProxies";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var trusted = (builder.Configuration[Setting] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardLimit = 1;
            foreach (var entry in trusted)
            {
                if (System.Net.IPNetwork.TryParse(entry, out var network))
                {
                    o.KnownIPNetworks.Add(network);
                }
                else if (IPAddress.TryParse(entry, out var address))
                {
                    o.KnownProxies.Add(address);
                }
                else
                {
                    throw new InvalidOperationException($"{Setting}: '{entry}' is neither an address nor a network (CIDR).");
                }
            }
        });
        return builder;
    }

    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }
}
