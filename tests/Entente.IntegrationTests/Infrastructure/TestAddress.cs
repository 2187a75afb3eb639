using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>
/// The in-memory test server has no network peer: an instance configured with this takes each request's
/// peer address from a test header, ahead of everything else, as a real connection would give it.
/// </summary>
public static class TestAddress
{
    public const string Header = "X-Test-Peer-Address";

    public static void Configure(IWebHostBuilder builder) =>
        builder.ConfigureServices(s => s.AddTransient<IStartupFilter, PeerAddress>());

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var value) && IPAddress.TryParse(value, out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                    context.Request.Headers.Remove(Header);
                }

                return following(context);
            });
            next(app);
        };
    }
}
