using Entente.Domain;

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

    /// <summary>The caller may read the record but not make this change.</summary>
    public sealed record Forbidden(string Message) : ApiError;

    /// <summary>A part the program needs for this request is not installed (Chromium for PDF export).</summary>
    public sealed record Unavailable(string Message) : ApiError;

    /// <summary>A malformed request that is not about one record's rules (bad paging, bad header).</summary>
    public sealed record BadRequest(string Code, string Field, string Message) : ApiError;
}

/// <summary>Thrown inside a handler to stop with an <see cref="ApiError"/>; caught in one place.</summary>
public sealed class ApiErrorException(ApiError error) : Exception(error.ToString())
{
    public ApiError Error { get; } = error;
}
