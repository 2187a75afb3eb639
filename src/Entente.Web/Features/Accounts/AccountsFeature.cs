using System.Threading.RateLimiting;
using Entente.Data;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Entente.Web.Features.Accounts;

/// <summary>Accounts (ASP.NET Core Identity on the application's database) and API-token authentication.</summary>
public static class AccountsFeature
{
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddIdentityCore<Account>(o =>
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
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(5);
            // A principal renewed after the stamp check keeps naming its browser session.
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.FindFirst(BrowserSessions.Claim) is { } session && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity
                    && identity.FindFirst(BrowserSessions.Claim) is null)
                {
                    identity.AddClaim(new System.Security.Claims.Claim(BrowserSessions.Claim, session.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));
        services.AddScoped<AccountAdministration>();
        services.AddScoped<ApiTokens>();
        services.AddSingleton<ApiTokenLookups>();
        services.AddScoped<AccountsHandler>();
        services.AddScoped<AccountCreation>();
        services.AddScoped<SecondFactorHandler>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<AuthenticatorCodes>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<Passkeys>();

        // The JSON API takes bearer API tokens only (no cookie, so no cross-site request can use a
        // browser's session on it); the pages take the sign-in cookie.
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CallerScheme;
                o.DefaultChallengeScheme = CallerScheme;
            })
            .AddPolicyScheme(CallerScheme, null, o => o.ForwardDefaultSelector = context =>
                IsApiRequest(context.Request) ? ApiTokens.Scheme : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokens.Scheme, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
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

            // Identity compares the security stamp every five minutes (a raised role, a new password); the browser's session
            // and the account's deactivation are read on every request (one indexed row), so that ending a session or
            // deactivating a person takes effect at once.
            o.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is { } principal && !await BrowserSessions.StandsAsync(context.HttpContext, principal))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
            o.Events.OnSigningIn = BrowserSessions.OnSigningInAsync;
            o.Events.OnSigningOut = BrowserSessions.OnSigningOutAsync;
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
        {
            o.Cookie.Name = ".Entente.SecondFactor";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInFlow.RateLimit, context => context.Request.Method == HttpMethods.Post
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = configuration.GetValue("Entente:SignInAttemptsPerMinute", 10),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        // Everything needs a signed-in caller unless an endpoint says otherwise (health checks).
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    /// <summary>Maps the accounts' own routes (the caller, its second factor, its API tokens); the sign-in pages live beside them.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        routes.MapAccountsApi();
        routes.MapAccountAdministrationApi();
        return routes;
    }

    /// <summary>The scheme that picks the API token or the sign-in cookie, by the kind of request.</summary>
    public const string CallerScheme = "Caller";

    /// <summary>Requests of the JSON API (and its OpenAPI document), or any request that brings a bearer token.</summary>
    public static bool IsApiRequest(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        || request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
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
