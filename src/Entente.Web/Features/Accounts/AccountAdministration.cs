using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Entente.Web.Features.Accounts;

/// <param name="Email">The account's address, its sign-in name.</param>
/// <param name="PartyId">The party the person works for; every visibility rule hangs on it.</param>
/// <param name="Administrator">An instance administrator manages accounts and structure; it opens no other party's national records.</param>
public sealed record AccountRequest(string? Email, Guid? PartyId, string? DisplayName, bool? Administrator);

/// <param name="Active">False once deactivated: no sign-in, no session, no token works.</param>
/// <param name="HasPassword">False until the invitation was taken up.</param>
/// <param name="PersonId">The person (of the account's party) the account's user is: whose items are "assigned to me"; null until an administrator says.</param>
public sealed record AccountResponse(Guid Id, string Email, string? DisplayName, Guid PartyId, bool IsAdministrator, bool Active, bool HasPassword, Guid? PersonId = null);

/// <param name="PersonId">A person of the account's own party (required: <c>DELETE …/person</c> unlinks).</param>
public sealed record AccountPersonRequest(Guid? PersonId);

/// <param name="Link">Where the person sets a password, once, before <paramref name="ExpiresAt"/>; shown this once and never stored.</param>
public sealed record InvitationResponse(AccountResponse Account, string Link, DateTime ExpiresAt);

/// <summary>
/// Accounts as a party's administrator manages them: invited by e-mail into its own party (the invitation link sets
/// the password; the second factor is asked for at the first sign-in, as the roles require), listed, deactivated
/// (sessions and tokens end at once) and reactivated. Every account reads its own party's accounts (to give them
/// roles); no one, administrators included, sees or changes another party's people: a new party's first account is
/// made by the operator (<c>users create</c>).
/// </summary>
public sealed class AccountAdministration(AppDbContext db, UserManager<Account> users, IAuditActor actor, TimeProvider clock, IOptions<DataProtectionTokenProviderOptions> tokens)
{
    public async Task<PageOf<AccountResponse>> ListAsync(Guid? partyId, string? q, Paging paging, CancellationToken ct)
    {
        var query = Visible();
        if (partyId is { } party)
        {
            query = query.Where(a => a.PartyId == party);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var typed = q.Trim();
            var upper = typed.ToUpperInvariant();
            query = query.Where(a => a.NormalizedEmail!.Contains(upper) || (a.DisplayName != null && a.DisplayName.Contains(typed)));
        }

        var total = await query.CountAsync(ct);
        var items = await Project(query.OrderBy(a => a.NormalizedEmail).Skip(paging.Skip).Take(paging.PageSize)).ToListAsync(ct);
        return new PageOf<AccountResponse>(items, total, paging.Page, paging.PageSize);
    }

    public async Task<AccountResponse> GetAsync(Guid id, CancellationToken ct) =>
        await Project(Visible().Where(a => a.Id == id)).FirstOrDefaultAsync(ct) ?? throw new ApiErrorException(new ApiError.NotFound("account", id));

    /// <summary>Creates the account, with no password, and the link that sets one.</summary>
    public async Task<InvitationResponse> InviteAsync(AccountRequest request, string origin, CancellationToken ct)
    {
        EnsureAdministrator();
        if (request.PartyId is { } requested && requested != actor.PartyId)
        {
            throw new ApiErrorException(new ApiError.Forbidden("An administrator invites its own party's people; another party's first account is made by the operator (users create).", "partyId"));
        }

        var checks = new Checks();
        var email = checks.Required(request.Email?.Trim(), "email", 254);
        // A control or invisible character is refused before the address is looked up (PostgreSQL stores no NUL).
        var emailErrors = TextRules.Check(email, "email").ToList();
        checks.AddRange(emailErrors);
        if (email is not null && emailErrors.Count == 0 && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
        {
            checks.Add(new RuleError(RuleCodes.InvalidText, "email", "'email' is not an e-mail address."));
        }

        var name = request.DisplayName is null ? null : checks.Required(request.DisplayName.Trim(), "displayName", 200);
        checks.AddRange(TextRules.Check(name, "displayName"));
        if (request.PartyId is null)
        {
            checks.Add(new RuleError(RuleCodes.Required, "partyId", "'partyId' is required: the party the person works for."));
        }
        else if (!await db.Parties.AnyAsync(p => p.Id == request.PartyId, ct))
        {
            checks.Add(new RuleError(RuleCodes.UnknownReference, "partyId", "No party has this id."));
        }

        if (email is not null && checks.Ok && await users.FindByEmailAsync(email) is not null)
        {
            checks.Add(new RuleError(RuleCodes.Duplicate, "email", "An account already has this e-mail address."));
        }

        checks.ThrowIfAny();
        var account = new Account { UserName = email, Email = email, EmailConfirmed = true, PartyId = request.PartyId!.Value, DisplayName = name, IsAdministrator = request.Administrator ?? false };
        Throw(await users.CreateAsync(account), "email");
        return await InvitationAsync(account, origin);
    }

    /// <summary>A new invitation link for an account whose person never set a password (the earlier link stops working).</summary>
    public async Task<InvitationResponse> ReinviteAsync(Guid id, string origin, CancellationToken ct)
    {
        EnsureAdministrator();
        var account = await FindAsync(id, ct);
        if (await users.HasPasswordAsync(account))
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.IllegalTransition, "hasPassword", "The person already set a password: an invitation is for a first visit.")]));
        }

        Throw(await users.UpdateSecurityStampAsync(account), string.Empty);
        await BrowserSessions.EndAllAsync(db, clock, account.Id, ct);
        return await InvitationAsync(account, origin);
    }

    /// <summary>No sign-in from now on; the account's sessions end at their next request and its API tokens are revoked.</summary>
    public async Task<AccountResponse> DeactivateAsync(Guid id, CancellationToken ct)
    {
        EnsureAdministrator();
        var account = await FindAsync(id, ct);
        if (account.Id == actor.AccountId)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Mismatch, "id", "An administrator does not deactivate their own account: ask another administrator.")]));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        account.DeactivatedAt = now;
        account.TokensValidFrom = now; // the tokens made so far never work again, even after reactivation
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        Throw(await users.UpdateSecurityStampAsync(account), string.Empty);
        await BrowserSessions.EndAllAsync(db, clock, account.Id, ct); // every open session ends at its next request, and stays ended if the account is woken
        return await GetAsync(id, ct);
    }

    public async Task<AccountResponse> ReactivateAsync(Guid id, CancellationToken ct)
    {
        EnsureAdministrator();
        var account = await FindAsync(id, ct);
        account.DeactivatedAt = null;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        Throw(await users.UpdateAsync(account), string.Empty);
        return await GetAsync(id, ct);
    }

    /// <summary>
    /// Says which person the account's user is (or, with null, that the account is no one recorded): a person of the
    /// account's own party, named by no other account. What the person is assigned then reads as "assigned to me".
    /// </summary>
    public async Task<AccountResponse> LinkPersonAsync(Guid id, AccountPersonRequest? request, CancellationToken ct)
    {
        EnsureAdministrator();
        var account = await FindAsync(id, ct);
        if (request is null)
        {
            // Unlinking is its own request; a link with no person named is a mistake, not an unlink.
        }
        else if (request.PersonId is null)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.Required, "personId", "'personId' is required: the person the account is (DELETE the link to unlink).")]));
        }
        else if (request.PersonId is { } personId)
        {
            var person = await db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => new { p.PartyId }).FirstOrDefaultAsync(ct);
            var error = person is null
                ? new RuleError(RuleCodes.UnknownReference, "personId", "'personId' names no existing person.", personId)
                : person.PartyId != account.PartyId
                    ? new RuleError(RuleCodes.Mismatch, "personId", "An account is a person of its own party.", personId)
                    : await db.Users.AnyAsync(a => a.PersonId == personId && a.Id != account.Id, ct)
                        ? new RuleError(RuleCodes.Duplicate, "personId", "Another account already is this person.", personId)
                        : null;
            if (error is not null)
            {
                throw new ApiErrorException(new ApiError.Rules([error]));
            }
        }

        if (account.PersonId != request?.PersonId)
        {
            account.PersonId = request?.PersonId;
            Throw(await users.UpdateAsync(account), "personId");
        }

        return await GetAsync(id, ct);
    }

    private async Task<InvitationResponse> InvitationAsync(Account account, string origin)
    {
        var token = await users.GeneratePasswordResetTokenAsync(account);
        var link = $"{origin}/account/invitation?account={account.Id:D}&token={Uri.EscapeDataString(token)}";
        return new InvitationResponse(await GetAsync(account.Id, CancellationToken.None), link, clock.GetUtcNow().UtcDateTime + tokens.Value.TokenLifespan);
    }

    private IQueryable<Account> Visible() => db.Users.Where(a => actor.PartyId != null && a.PartyId == actor.PartyId);

    private static IQueryable<AccountResponse> Project(IQueryable<Account> accounts) =>
        accounts.AsNoTracking().Select(a => new AccountResponse(a.Id, a.Email!, a.DisplayName, a.PartyId, a.IsAdministrator, a.DeactivatedAt == null, a.PasswordHash != null, a.PersonId));

    private async Task<Account> FindAsync(Guid id, CancellationToken ct) =>
        await Visible().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new ApiErrorException(new ApiError.NotFound("account", id));

    private void EnsureAdministrator()
    {
        if (!actor.IsAdministrator)
        {
            throw new ApiErrorException(new ApiError.Forbidden("Only an administrator invites, deactivates and reactivates accounts, and says who they are."));
        }
    }

    private static void Throw(IdentityResult result, string field)
    {
        if (!result.Succeeded)
        {
            throw new ApiErrorException(new ApiError.Rules([.. result.Errors.Select(e => new RuleError(e.Code.Contains("Duplicate", StringComparison.Ordinal) ? RuleCodes.Duplicate : RuleCodes.InvalidText, field, e.Description))]));
        }
    }
}

public static class AccountAdministrationApi
{
    public static void MapAccountAdministrationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapApiGroup("/api/accounts", "Accounts", cacheReads: false).RequireAuthorization();
        group.MapGet("/", async (Guid? partyId, string? q, int? page, int? pageSize, AccountAdministration h, CancellationToken ct) =>
            TypedResults.Ok(await h.ListAsync(partyId, q, Paging.From(page, pageSize), ct)));
        group.MapGet("/{id:guid}", async (Guid id, AccountAdministration h, CancellationToken ct) => TypedResults.Ok(await h.GetAsync(id, ct)));
        group.MapPost("/", async (AccountRequest? request, AccountAdministration h, HttpContext http, CancellationToken ct) =>
        {
            var invited = await h.InviteAsync(Crud.RequireBody(request), Origin(http), ct);
            return TypedResults.Created($"/api/accounts/{invited.Account.Id}", invited);
        });
        group.MapPost("/{id:guid}/invitation", async (Guid id, AccountAdministration h, HttpContext http, CancellationToken ct) => TypedResults.Ok(await h.ReinviteAsync(id, Origin(http), ct)));
        group.MapPost("/{id:guid}/deactivate", async (Guid id, AccountAdministration h, CancellationToken ct) => TypedResults.Ok(await h.DeactivateAsync(id, ct)));
        group.MapPost("/{id:guid}/reactivate", async (Guid id, AccountAdministration h, CancellationToken ct) => TypedResults.Ok(await h.ReactivateAsync(id, ct)));
        group.MapPut("/{id:guid}/person", async (Guid id, AccountPersonRequest? request, AccountAdministration h, CancellationToken ct) =>
            TypedResults.Ok(await h.LinkPersonAsync(id, Crud.RequireBody(request), ct)));
        group.MapDelete("/{id:guid}/person", async (Guid id, AccountAdministration h, CancellationToken ct) =>
            TypedResults.Ok(await h.LinkPersonAsync(id, null, ct)));
    }

    private static string Origin(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
}
