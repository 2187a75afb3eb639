using System.Linq.Expressions;
using System.Reflection;
using Entente.Data;
using Entente.Domain;
using Entente.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Features.Translations;

/// <summary>One text written in one language only, its translation pending.</summary>
/// <param name="Field">The field as the API names it (<c>title</c>, <c>description</c>).</param>
/// <param name="Missing">The language still to be written: <c>ar</c> or <c>en</c>.</param>
/// <param name="Text">The text as written, in the other language.</param>
public sealed record PendingTranslation(RecordType RecordType, Guid RecordId, Guid? JointBodyId, string Field, string Missing, string Text, Visibility Visibility);

/// <summary>
/// What is still to be translated in a body: every text of every kind of record the reader may see
/// that is written in one language only. Each party's queue is its own: it holds the joint records
/// and the party's own national ones, never the other party's, since it is read through the reader's
/// data context. Found from the model: every bilingual property of every record notes and claims may
/// point at, so that a new kind of record is in the queue without being listed here.
/// </summary>
public sealed class TranslationQueue(AppDbContext db, RecordTargets targets)
{
    private static readonly MethodInfo PendingOfMethod = typeof(TranslationQueue).GetMethod(nameof(PendingOfAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <param name="missing">Only texts missing this language (<c>ar</c>, <c>en</c>), or both kinds.</param>
    public async Task<PageOf<PendingTranslation>> ListAsync(Guid? jointBodyId, string? missing, string? type, Paging paging, CancellationToken ct)
    {
        var checks = new Checks();
        if (missing is not (null or "ar" or "en"))
        {
            checks.Add(new RuleError(RuleCodes.OutOfRange, "missing", "'missing' is 'ar' or 'en'.", missing));
        }

        var onlyType = checks.Enum<RecordType>(type, "type");
        checks.ThrowIfAny();

        var found = new List<PendingTranslation>();
        foreach (var (recordType, recordClass) in targets.Classes.OrderBy(c => c.Type))
        {
            // A source is titled in its own language, as it was published: its title is not the body's to translate.
            if ((onlyType is not null && onlyType != recordType) || recordClass.GetProperty("JointBodyId") is null || recordType == RecordType.Source)
            {
                continue;
            }

            var fields = recordClass.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(BilingualText) && p.SetMethod is not null).ToList();
            if (fields.Count == 0 || db.Model.FindEntityType(recordClass) is null)
            {
                continue;
            }

            var task = (Task<List<PendingTranslation>>)PendingOfMethod.MakeGenericMethod(recordClass).Invoke(this, [recordType, fields, jointBodyId, missing, ct])!;
            found.AddRange(await task);
        }

        var ordered = found.OrderBy(f => f.RecordType).ThenBy(f => f.RecordId).ThenBy(f => f.Field, StringComparer.Ordinal).ToList();
        return new PageOf<PendingTranslation>([.. ordered.Skip(paging.Skip).Take(paging.PageSize)], ordered.Count, paging.Page, paging.PageSize);
    }

    private async Task<List<PendingTranslation>> PendingOfAsync<T>(RecordType type, List<PropertyInfo> fields, Guid? jointBodyId, string? missing, CancellationToken ct)
        where T : class
    {
        var x = Expression.Parameter(typeof(T), "x");
        Expression? any = null;
        foreach (var field in fields)
        {
            var text = Expression.Property(x, field);
            foreach (var lang in missing is null ? ["ar", "en"] : new[] { missing })
            {
                var empty = Expression.Property(text, lang == "ar" ? nameof(BilingualText.Ar) : nameof(BilingualText.En));
                var written = Expression.Property(text, lang == "ar" ? nameof(BilingualText.En) : nameof(BilingualText.Ar));
                var pending = Expression.AndAlso(
                    Expression.OrElse(Expression.Equal(empty, Expression.Constant(string.Empty)), Expression.Equal(empty, Expression.Constant(null, typeof(string)))),
                    Expression.AndAlso(Expression.NotEqual(written, Expression.Constant(null, typeof(string))), Expression.NotEqual(written, Expression.Constant(string.Empty))));
                any = any is null ? pending : Expression.OrElse(any, pending);
            }
        }

        var query = db.Set<T>().AsNoTracking().Where(Expression.Lambda<Func<T, bool>>(any!, x));
        if (jointBodyId is { } body)
        {
            query = query.Where(r => EF.Property<Guid?>(r, "JointBodyId") == body);
        }

        var rows = await query.Take(5_000).ToListAsync(ct);
        var result = new List<PendingTranslation>();
        foreach (var row in rows)
        {
            var id = (Guid)typeof(T).GetProperty(nameof(Entity.Id))!.GetValue(row)!;
            var bodyId = (Guid?)typeof(T).GetProperty("JointBodyId")!.GetValue(row);
            var visibility = row is IHasVisibility v ? v.Visibility : Visibility.Joint;
            foreach (var field in fields)
            {
                if (field.GetValue(row) is BilingualText { Pending: { } lang } text && (missing is null || missing == lang))
                {
                    result.Add(new PendingTranslation(type, id, bodyId, System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(field.Name), lang, lang == "ar" ? text.En : text.Ar, visibility));
                }
            }
        }

        return result;
    }
}

/// <summary>The feature of one-language drafts: the queue of texts still to be translated.</summary>
public static class TranslationsFeature
{
    public static IServiceCollection AddTranslations(this IServiceCollection services)
    {
        services.AddScoped<TranslationQueue>();
        services.AddBodyLink("translations", "ui.nav.translations", 135, secondary: true);
        return services;
    }

    /// <summary>Maps <c>GET /api/translations?jointBodyId=&amp;missing=ar|en&amp;type=</c>.</summary>
    public static IEndpointRouteBuilder MapTranslations(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapApiGroup("/api/translations", "Translations");
        group.MapGet("/", (Guid? jointBodyId, string? missing, string? type, int? page, int? pageSize, TranslationQueue queue, CancellationToken ct) =>
            queue.ListAsync(jointBodyId, missing, type, Paging.From(page, pageSize), ct));
        return routes;
    }
}
