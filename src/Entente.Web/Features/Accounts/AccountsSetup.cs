using System.Threading.RateLimiting;
using Entente.Data;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Accounts;

/// <summary>Accounts (ASP.NET Core Identity on the application's database) and API-token authentication.</summary>
public static class AccountsSetup
{
    public static WebApplicationBuilder AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<Account>(o =>
            {
                // Length over composition (NIST SP 800-63B): 12 characters at least, common passwords refused.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Stores.SchemaVersion = IdentitySchema.Version;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>();
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        builder.Services.AddScoped<ApiTokens>();
        builder.Services.AddScoped<AccountsHandler>();
        builder.Services.AddScoped<AccountCreation>();
        builder.Services.AddScoped<SecondFactorHandler>();
        builder.Services.AddScoped<DemoData.DemoAccounts>();
        builder.Services.AddScoped<SignInFlow>();
        builder.Services.AddScoped<AuthenticatorCodes>();
        builder.Services.AddScoped<SignInThrottle>();
        builder.Services.AddScoped<Passkeys>();

        // The JSON API takes bearer API tokens only (no cookie, so no cross-site request can use a
        // browser's session on it); the pages take the sign-in cookie.
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = CallerScheme;
                o.DefaultChallengeScheme = CallerScheme;
            })
            .AddPolicyScheme(CallerScheme, null, o => o.ForwardDefaultSelector = context =>
                IsApiRequest(context.Request) ? ApiTokens.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokens.Scheme, null)
            .AddIdentityCookies();
        builder.Services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Entente.Session";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(60);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/denied";
            o.ReturnUrlParameter = "returnUrl";
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = ".Entente.SecondFactor";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInFlow.RateLimit, context => context.Request.Method == HttpMethods.Post
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = builder.Configuration.GetValue("Entente:SignInAttemptsPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        // Everything needs a signed-in caller unless an endpoint says otherwise (health checks).
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    /// <summary>The scheme that picks the API token or the sign-in cookie, by the kind of request.</summary>
    public const string CallerScheme = "Caller";

    /// <summary>Requests of the JSON API (and its OpenAPI document), or any request that brings a bearer token.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(LogRefusals);
        app.UseAuthorization();
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

/// <summary>Puts the account's party and administrator flag on the principal of a signed-in account, as API tokens do.</summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, Microsoft.Extensions.Options.IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<System.Security.Claims.ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new System.Security.Claims.Claim(EntenteClaims.Party, user.PartyId.ToString("D")));
        if (user.IsAdministrator)
        {
            identity.AddClaim(new System.Security.Claims.Claim(EntenteClaims.Administrator, "true"));
        }

        return identity;
    }
}

/// <summary>Refuses passwords found in lists of the most used ones, or made of the account's own name.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<Account>
{
    /// <summary>A short list of the passwords and stems most found in breach corpora; a password containing one of them is refused.</summary>
    private static readonly string[] Stems =
    [
        "password", "passw0rd", "p@ssword", "123456", "12345678", "qwerty", "azerty", "abc123", "111111", "letmein", "welcome",
        "iloveyou", "admin", "monkey", "dragon", "football", "baseball", "sunshine", "princess", "shadow", "master", "trustno1",
        "changeme", "secret", "default", "entente", "kuwait", "london", "qwertyuiop", "asdfgh", "zxcvbn", "1q2w3e", "000000",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var lower = (password ?? string.Empty).ToLowerInvariant();
        var local = (user.Email ?? user.UserName ?? string.Empty).Split('@')[0].ToLowerInvariant();
        var weak = Stems.Any(s => lower.Contains(s, StringComparison.Ordinal))
            || (local.Length >= 4 && lower.Contains(local, StringComparison.Ordinal))
            || lower.Distinct().Count() < 5;
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "The password is too common or too close to the account's name." })
            : IdentityResult.Success);
    }
}
