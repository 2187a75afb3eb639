using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Entente.Domain;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The <c>sort</c> of a list: a field of the record by its API name (<c>title</c>, <c>number</c>,
/// <c>startsOn</c>, <c>status</c>, <c>updated</c>…), <c>-</c> first for descending. A bilingual
/// field sorts in the caller's language. The handler's own order is the default; ties keep the
/// id order, so pages never overlap.
/// </summary>
public static class Sorting
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["updated"] = nameof(Entity.UpdatedAt),
        ["created"] = nameof(Entity.CreatedAt),
    };

    private static readonly HashSet<Type> Sortable =
    [
        typeof(string), typeof(int), typeof(int?), typeof(long), typeof(decimal), typeof(DateTime), typeof(DateTime?), typeof(DateOnly), typeof(DateOnly?), typeof(PartialDate),
    ];

    public static IQueryable<T> Apply<T>(IQueryable<T> query, string? sort)
        where T : Entity
    {
        if (string.IsNullOrWhiteSpace(sort))
        {
            return query;
        }

        var descending = sort.StartsWith('-');
        var key = sort.TrimStart('-').Trim();
        var parameter = Expression.Parameter(typeof(T), "r");
        var body = Member(parameter, key) ?? throw new ApiErrorException(new ApiError.Rules([
            new RuleError(RuleCodes.OutOfRange, "sort", $"'sort' is one of: {string.Join(", ", KeysOf(typeof(T)))} (with '-' first for descending)."),
        ]));
        var lambda = Expression.Lambda(body, parameter);
        var method = descending ? nameof(Queryable.OrderByDescending) : nameof(Queryable.OrderBy);
        var ordered = (IOrderedQueryable<T>)query.Provider.CreateQuery<T>(Expression.Call(typeof(Queryable), method, [typeof(T), body.Type], query.Expression, Expression.Quote(lambda)));
        return ordered.ThenBy(r => r.Id);
    }

    /// <summary>The sort keys a record type offers.</summary>
    public static IEnumerable<string> KeysOf(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(BilingualText) || Sortable.Contains(p.PropertyType) || p.PropertyType.IsEnum || Nullable.GetUnderlyingType(p.PropertyType)?.IsEnum == true)
            .Where(p => p.Name is not (nameof(Entity.Version) or nameof(ISearchable.SearchText)) && !p.Name.EndsWith("Id", StringComparison.Ordinal))
            .Select(p => Aliases.FirstOrDefault(a => a.Value == p.Name).Key ?? char.ToLowerInvariant(p.Name[0]) + p.Name[1..])
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static Expression? Member(ParameterExpression parameter, string key)
    {
        if (!KeysOf(parameter.Type).Contains(key, StringComparer.Ordinal))
        {
            return null;
        }

        var name = Aliases.TryGetValue(key, out var alias) ? alias : char.ToUpperInvariant(key[0]) + key[1..];
        var property = Expression.Property(parameter, name);
        return property.Type == typeof(BilingualText)
            ? Expression.Property(property, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ar" ? nameof(BilingualText.Ar) : nameof(BilingualText.En))
            : property;
    }
}
