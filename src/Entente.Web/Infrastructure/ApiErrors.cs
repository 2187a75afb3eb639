using Entente.Domain;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Infrastructure;

/// <summary>The errors a handler returns; <see cref="Problems"/> maps each to one HTTP answer.</summary>
public abstract record ApiError
{
    /// <summary>No record of that kind with that id (or none the caller may see).</summary>
    public sealed record NotFound(string Resource, Guid Id) : ApiError;

    /// <summary>Broken rules of the request or the domain.</summary>
    public sealed record Rules(IReadOnlyList<RuleError> Errors) : ApiError;

    /// <summary>A write without <c>If-Match</c>.</summary>
    public sealed record PreconditionRequired : ApiError;

    /// <summary>The <c>If-Match</c> version is not the record's current one.</summary>
    public sealed record Stale(long Expected, long Current) : ApiError;

    /// <summary>The caller may read the record but not make this change (of <paramref name="Field"/>, when one field is the reason).</summary>
    public sealed record Forbidden(string Message, string Field = "", string Code = "forbidden") : ApiError;

    /// <summary>A part the program needs for this request is not installed (Chromium for PDF export).</summary>
    public sealed record Unavailable(string Message) : ApiError;

    /// <summary>A malformed request that is not about one record's rules (bad paging, bad header).</summary>
    public sealed record BadRequest(string Code, string Field, string Message) : ApiError;

    /// <summary>
    /// The one mapping from what handlers and the data layer throw to the error the API and the pages
    /// answer: a handler's error, broken domain rules, a refused write, a lost concurrency race, a
    /// database constraint that caught a race; null for anything else (a bug, answered 500).
    /// </summary>
    public static ApiError? Of(Exception exception) => exception switch
    {
        ApiErrorException e => e.Error,
        DomainRuleException e => new Rules(e.Errors),
        Entente.Data.WriteForbiddenException e => new Forbidden(e.Message, e.Field, e.Code),
        DbUpdateConcurrencyException => new Stale(0, 0),
        DbUpdateException e when ConstraintOf(e) is { } code => new Rules([new RuleError(code, string.Empty, code == RuleCodes.Duplicate
            ? "Another record with the same unique values was saved at the same moment; nothing was changed."
            : "A record this one refers to was removed at the same moment; nothing was changed.")]),
        _ => null,
    };

    /// <summary>The rule a database constraint violation stands for: unique or foreign key; null for anything else.</summary>
    private static string? ConstraintOf(DbUpdateException e) => e.InnerException switch
    {
        Npgsql.PostgresException { SqlState: "23505" } => RuleCodes.Duplicate,
        Npgsql.PostgresException { SqlState: "23503" } => RuleCodes.UnknownReference,
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 2067 or 1555 } => RuleCodes.Duplicate,
        Microsoft.Data.Sqlite.SqliteException { SqliteExtendedErrorCode: 787 } => RuleCodes.UnknownReference,
        _ => null,
    };
}

/// <summary>Thrown inside a handler to stop with an <see cref="ApiError"/>; caught in one place.</summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.ToString())
{
    public ApiError Error { get; } = error;
}
