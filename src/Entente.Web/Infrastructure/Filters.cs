using System.Globalization;
using System.Linq.Expressions;
using Entente.Domain;

namespace Entente.Web.Infrastructure;

/// <summary>The filters of list endpoints: read from the query string, a bad one is a 400 naming the parameter.</summary>
public static class Filters
{
    /// <summary>The escape character of <see cref="Anywhere"/>'s patterns.</summary>
    public const string LikeEscape = "\\";

    /// <summary>
    /// A LIKE pattern that finds <paramref name="folded"/> anywhere in a folded search text, its own
    /// <c>%</c>, <c>_</c> and <c>\</c> taken literally. LIKE rather than <c>Contains</c>: on PostgreSQL
    /// <c>Contains</c> becomes <c>strpos</c>, which no index answers, while the trigram index on the
    /// search text answers <c>LIKE '%…%'</c>.
    /// </summary>
    public static string Anywhere(string folded) =>
        "%" + folded.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    /// <summary>Applies <paramref name="predicate"/> only when the filter was given.</summary>
    public static IQueryable<T> WhereIf<T>(this IQueryable<T> query, bool given, Expression<Func<T, bool>> predicate) =>
        given ? query.Where(predicate) : query;

    /// <summary>An enumeration value spelled as the API writes it (<c>in-progress</c>); null when absent.</summary>
    public static T? Enum<T>(string? value, string parameter)
        where T : struct, System.Enum
    {
        var checks = new Checks();
        var parsed = checks.Enum<T>(value, parameter);
        checks.ThrowIfAny();
        return parsed;
    }

    /// <summary>
    /// Keeps the records that hold every word of <paramref name="q"/>, found as search finds them (ADR 0011): by
    /// the analysed terms of their search entries of <paramref name="kinds"/>. Absent or blank: every record.
    /// A <c>q</c> with no word to search for (punctuation or stop words alone) is a 400 naming it.
    /// </summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, Entente.Data.AppDbContext db, string? q, params string[] kinds)
        where T : Entity => query.Matching(db, q, null, kinds);

    /// <summary>As <see cref="Matching{T}(IQueryable{T}, Entente.Data.AppDbContext, string?, string[])"/>, for a list of one joint body's records, whose entries alone are read.</summary>
    public static IQueryable<T> Matching<T>(this IQueryable<T> query, Entente.Data.AppDbContext db, string? q, Guid? body, params string[] kinds)
        where T : Entity
    {
        if (Text(q, "q") is not { } text)
        {
            return query;
        }

        if (Entente.Data.Search.SearchAnalysis.Prepare(text).Length > Entente.Data.Search.SearchQuery.MaxLength)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.TooLong, "q", $"'q' is at most {Entente.Data.Search.SearchQuery.MaxLength} characters.", Entente.Data.Search.SearchQuery.MaxLength)]));
        }

        var parsed = Entente.Data.Search.SearchQuery.Parse(text);
        CheckWords(parsed);
        var ids = Entente.Data.Search.SearchReader.RecordIds(db, parsed, body, kinds);
        return query.Where(r => ids.Contains(r.Id));
    }

    /// <summary>A search's words: at least one (not only punctuation or words too common to search), at most <see cref="Entente.Data.Search.SearchQuery.MaxWords"/>.</summary>
    public static void CheckWords(Entente.Data.Search.SearchQuery query)
    {
        if (query.IsEmpty)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.NoWords, "q", "'q' holds no word to search for (only punctuation or words too common to search, such as 'the' or «في»).")]));
        }

        if (query.Clauses.Count > Entente.Data.Search.SearchQuery.MaxWords)
        {
            throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.OutOfRange, "q", $"'q' asks for at most {Entente.Data.Search.SearchQuery.MaxWords} words.", 1, Entente.Data.Search.SearchQuery.MaxWords)]));
        }
    }

    /// <summary>A text: trimmed, at most 200 characters of well-formed text; null when absent.</summary>
    public static string? Text(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var checks = new Checks();
        var text = checks.Length(value.Trim(), parameter, 200);
        checks.ThrowIfAny();
        return text;
    }

    /// <summary>An ISO date (<c>2021-06-30</c>, Arabic-Indic digits accepted); null when absent.</summary>
    public static DateOnly? Date(string? value, string parameter)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(Digits.ToAscii(value.Trim()), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        throw new ApiErrorException(new ApiError.Rules([new RuleError(RuleCodes.InvalidDate, parameter, $"'{parameter}' is a date written yyyy-MM-dd.")]));
    }
}
