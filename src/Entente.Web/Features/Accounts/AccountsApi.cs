using System.Security.Claims;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Accounts;

/// <param name="PersonId">The person the caller is, when an administrator said so: <c>/api/action-items?assigneePersonId=</c> with it lists "assigned to me".</param>
public sealed record MeResponse(Guid Id, string Email, Guid PartyId, bool IsAdministrator, IReadOnlyList<MembershipResponse> Memberships, Guid? PersonId = null);

public sealed record MembershipResponse(Guid JointBodyId, MemberRole Role, IReadOnlyList<Guid> TrackIds);

public sealed record ApiTokenRequest(string? Name, int? Days);

public sealed record ApiTokenResponse(Guid Id, string Name, string Prefix, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt);

/// <param name="Token">The token itself: shown this once, never stored.</param>
public sealed record NewApiTokenResponse(Guid Id, string Name, string Token, DateTime ExpiresAt);

/// <summary>The signed-in account: who am I, and my API tokens.</summary>
public sealed class AccountsHandler(AppDbContext db, ApiTokens tokens, UserManager<Account> users, TimeProvider clock)
{
    public const int MaxTokenDays = 365;

    public async Task<MeResponse> MeAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await CurrentAsync(user);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.AccountId == account.Id)
            .Select(m => new MembershipResponse(m.JointBodyId, m.Role, m.Tracks.Select(t => t.TrackId).ToList()))
            .ToListAsync(ct);
        return new MeResponse(account.Id, account.Email!, account.PartyId, account.IsAdministrator, memberships, account.PersonId);
    }

    public async Task<IReadOnlyList<ApiTokenResponse>> ListTokensAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var account = await CurrentAsync(user);
        return await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == account.Id).OrderByDescending(t => t.CreatedAt)
            .Select(t => new ApiTokenResponse(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt))
            .ToListAsync(ct);
    }

    public async Task<NewApiTokenResponse> CreateTokenAsync(ClaimsPrincipal user, ApiTokenRequest request, CancellationToken ct)
    {
        var checks = new Checks();
        var name = checks.Required(request.Name?.Trim(), "name", 100);
        var days = request.Days ?? 90;
        if (days is < 1 or > MaxTokenDays)
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "days", $"'days' is between 1 and {MaxTokenDays}.", 1, MaxTokenDays));
        }

        checks.ThrowIfAny();
        var (token, record) = await tokens.CreateAsync(await CurrentAsync(user), name, days, ct);
        return new NewApiTokenResponse(record.Id, record.Name, token, record.ExpiresAt);
    }

    /// <summary>Revokes one of the caller's own tokens; another account's token answers 404.</summary>
    public async Task<ApiTokenResponse> RevokeTokenAsync(ClaimsPrincipal user, Guid id, CancellationToken ct)
    {
        var account = await CurrentAsync(user);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AccountId == account.Id, ct)
            ?? throw new ApiErrorException(new ApiError.NotFound("api token", id));
        token.RevokedAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new ApiTokenResponse(token.Id, token.Name, token.Prefix, token.CreatedAt, token.ExpiresAt, token.RevokedAt);
    }

    private async Task<Account> CurrentAsync(ClaimsPrincipal user) =>
        await users.GetUserAsync(user) ?? throw new ApiErrorException(new ApiError.NotFound("account", EntenteClaims.AccountOf(user) ?? Guid.Empty));
}

public static class AccountsApi
{
    public static void MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapApiGroup("/api/me", "Accounts", cacheReads: false).RequireAuthorization();
        me.MapGet("/", async (ClaimsPrincipal user, AccountsHandler h, CancellationToken ct) => TypedResults.Ok(await h.MeAsync(user, ct)));

        var factor = app.MapApiGroup("/api/me/second-factor", "Accounts", cacheReads: false).RequireAuthorization();
        factor.MapGet("/", async (ClaimsPrincipal user, SecondFactorHandler h) => TypedResults.Ok(await h.StatusAsync(user)));
        factor.MapPost("/authenticator", async (ClaimsPrincipal user, SecondFactorHandler h) => TypedResults.Ok(await h.SetUpAuthenticatorAsync(user)));
        factor.MapPost("/verify", async (VerifyCodeRequest? request, ClaimsPrincipal user, SecondFactorHandler h) =>
            TypedResults.Ok(await h.VerifyAsync(user, Crud.RequireBody(request))));

        var tokens = app.MapApiGroup("/api/api-tokens", "Accounts", cacheReads: false).RequireAuthorization();
        tokens.MapGet("/", async (ClaimsPrincipal user, AccountsHandler h, CancellationToken ct) => TypedResults.Ok(await h.ListTokensAsync(user, ct)));
        tokens.MapPost("/", async (ApiTokenRequest? request, ClaimsPrincipal user, AccountsHandler h, CancellationToken ct) =>
        {
            var created = await h.CreateTokenAsync(user, Crud.RequireBody(request), ct);
            return TypedResults.Created($"/api/api-tokens/{created.Id}", created);
        });
        tokens.MapPost("/{id:guid}/revoke", async (Guid id, ClaimsPrincipal user, AccountsHandler h, CancellationToken ct) =>
            TypedResults.Ok(await h.RevokeTokenAsync(user, id, ct)));
    }
}
