using System.Diagnostics;
using Entente.Data;

namespace Entente.Web.Infrastructure.Auth;

/// <summary>
/// Who reads and writes through the data layer in this scope. In a web request: the signed-in account
/// and its party (anonymous before sign-in). Outside a request — start-up, the command line, jobs — nobody
/// at all, so the data layer reads no record of a joint body and writes nothing, until the scope is told by
/// name whom it acts for (<see cref="ActAs"/>): the program itself for an operation that must see
/// everything (migrations, demo data, audit verify), or one account of one party for work done on its behalf.
/// The isolation choke point thus fails closed.
/// </summary>
public sealed class RequestActor(IHttpContextAccessor http) : IAuditActor
{
    private IAuditActor? _explicit;
    private Account? _signingIn;

    private HttpContext? Context => http.HttpContext;

    public string Actor => _explicit?.Actor
        ?? (_signingIn is { } account ? account.Email ?? account.Id.ToString("D")
            : Context is { } context ? context.User.Identity?.Name ?? "anonymous" : "nobody");

    public Guid? PartyId => _explicit is not null ? _explicit.PartyId : _signingIn?.PartyId ?? (Context is { } context ? EntenteClaims.PartyOf(context.User) : null);

    public Guid? AccountId => _explicit is not null ? _explicit.AccountId : _signingIn?.Id ?? (Context is { } context ? EntenteClaims.AccountOf(context.User) : null);

    /// <summary>Only when the scope was told so by name (<see cref="ActAs"/> with a <see cref="SystemActor"/>): never by default, never in a request.</summary>
    public bool IsSystem => _explicit?.IsSystem ?? false;

    public bool IsAdministrator => _explicit is not null ? _explicit.IsAdministrator : _signingIn is null && Context?.User.HasClaim(EntenteClaims.Administrator, "true") == true;

    public string? RequestId => _explicit is not null ? _explicit.RequestId : Context is null ? null : Activity.Current?.Id ?? Context.TraceIdentifier;

    /// <summary>
    /// For the rest of this scope, the data layer reads and writes as <paramref name="actor"/>. Asked for
    /// outside requests only (a scope of its own), once: a scope does not change hands.
    /// </summary>
    public void ActAs(IAuditActor actor)
    {
        if (Context is not null)
        {
            throw new InvalidOperationException("A web request acts as its signed-in account; only work outside a request says whom it acts for.");
        }

        if (_explicit is not null)
        {
            throw new InvalidOperationException($"This scope already acts as {_explicit.Actor}.");
        }

        _explicit = actor;
    }

    /// <summary>
    /// For the rest of a sign-in request, Identity's own writes on <paramref name="account"/>
    /// (failed-attempt count, lockout, security stamp, recovery codes) are the account's writes
    /// on itself: the write rules allow them and the audit chain names the account.
    /// </summary>
    public void SigningIn(Account account) => _signingIn = account;
}

/// <summary>One account acting outside a request (a job done for it): its party's records only, its rights only.</summary>
public sealed class AccountActor(Account account) : IAuditActor
{
    public string Actor { get; } = "job:" + (account.Email ?? account.Id.ToString("D"));

    public Guid? AccountId { get; } = account.Id;

    public Guid? PartyId { get; } = account.PartyId;

    public string? RequestId => null;

    public bool IsSystem => false;

    public bool IsAdministrator { get; } = account.IsAdministrator;
}

/// <summary>Scopes of work outside a request, each acting for whom it says.</summary>
public static class ActorScopes
{
    /// <summary>A scope in which the program acts for itself, named (<c>startup</c>, <c>demo-data</c>) in the audit chain: it sees and writes everything.</summary>
    public static AsyncServiceScope CreateSystemScope(this IServiceProvider services, string name) =>
        services.CreateScopeActingAs(new SystemActor(name));

    /// <summary>A scope in which <paramref name="actor"/> reads and writes, and no one else.</summary>
    public static AsyncServiceScope CreateScopeActingAs(this IServiceProvider services, IAuditActor actor)
    {
        var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestActor>().ActAs(actor);
        return scope;
    }
}
