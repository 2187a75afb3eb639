using Entente.Web.Data;
using Entente.Web.Infrastructure.Auth;

namespace Entente.Web.Infrastructure;

/// <summary>
/// What every feature stands on, in one place: the address, the database, the API's plumbing, the web
/// pages, the actor of each scope; then, in the request pipeline, the headers, errors, static files,
/// authentication, rate limits and authorization. It knows no feature: each feature adds itself with
/// its own <c>Add…</c> and <c>Map…</c> (see Program.cs).
/// </summary>
public static class Platform
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        builder.UseDefaultAddress();
        builder.AddDatabase();
        builder.AddApiPlumbing();
        builder.AddWebPages();
        builder.Services.AddReadCache();
        builder.Services.AddScoped<RequestActor>();
        builder.Services.AddScoped<Entente.Data.IAuditActor>(sp => sp.GetRequiredService<RequestActor>());
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UseApiPlumbing();
        app.UseWebAssets();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(LogRefusals);
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    /// <summary>Every refused authentication or authorization (401, 403) is logged with the caller, the route and the address.</summary>
    private static async Task LogRefusals(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.StatusCode is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Entente.Access").LogWarning(
                "Refused {Status} {Method} {Path} for {User} from {Remote}",
                context.Response.StatusCode,
                context.Request.Method,
                context.Request.Path,
                context.User.Identity?.Name ?? "anonymous",
                context.Connection.RemoteIpAddress);
        }
    }
}
