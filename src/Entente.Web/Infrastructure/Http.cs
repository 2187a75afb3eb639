using System.Globalization;
using Entente.Domain;
using Microsoft.Net.Http.Headers;

namespace Entente.Web.Infrastructure;

/// <summary>ETags and If-Match: the version column of a record, exposed as a strong ETag <c>"3"</c>.</summary>
public static class Versions
{
    public static string ETagOf(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void SetETag(this HttpContext context, long version) =>
        context.Response.Headers.ETag = ETagOf(version);

    /// <summary>The version named by the request's <c>If-Match</c> header; throws 428 when absent, 400 when malformed.</summary>
    public static long RequiredIfMatch(this HttpContext context)
    {
        var header = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new ApiErrorException(new ApiError.PreconditionRequired());
        }

        if (!EntityTagHeaderValue.TryParse(header.Trim(), out var tag) || tag.Equals(EntityTagHeaderValue.Any)
            || !long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new ApiErrorException(new ApiError.BadRequest("invalid-if-match", "If-Match", "If-Match must be one ETag as returned by the API, such as \"3\"."));
        }

        // If-Match compares strongly: a weak tag never matches (RFC 9110, 13.1.1).
        return tag.IsWeak ? -1 : version;
    }

    /// <summary>Checks the read record is at the version the writer expects.</summary>
    public static void EnsureVersion(Entity entity, long expected)
    {
        if (entity.Version != expected)
        {
            throw new ApiErrorException(new ApiError.Stale(expected, entity.Version));
        }
    }
}

/// <summary>
/// Paging of list endpoints: <c>page</c> from 1, <c>pageSize</c> from 1 to 200 (default 50), the <c>sort</c> asked
/// for (<see cref="Sorting"/>), and the words <c>q</c> the records must hold, found as search finds them (<see cref="Filters.Matching{T}(IQueryable{T}, Entente.Data.AppDbContext, string?, string[])"/>).
/// </summary>
public readonly record struct Paging(int Page, int PageSize, string? Sort = null, string? Q = null)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static Paging From(int? page, int? pageSize, string? sort = null, string? q = null)
    {
        var p = page ?? 1;
        var size = pageSize ?? 50;
        if (p < 1 || p > 1_000_000)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "page", "'page' starts at 1.", 1, 1_000_000)]));
        }

        if (size < 1 || size > MaxPageSize)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "pageSize", $"'pageSize' is between 1 and {MaxPageSize}.", 1, MaxPageSize)]));
        }

        return new Paging(p, size, string.IsNullOrWhiteSpace(sort) ? null : sort.Trim(), string.IsNullOrWhiteSpace(q) ? null : q);
    }
}

/// <summary>A page of a list: <c>{ items, total, page, pageSize }</c>.</summary>
public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
