using System.Diagnostics;
using System.Globalization;
using Entente.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The one place where errors become RFC 9457 problem details: a stable <c>code</c>, the
/// <c>field</c>, and messages in the caller's language (Arabic or English).
/// </summary>
public sealed class Problems(IStringLocalizer<SharedResources> text, IHttpContextAccessor http)
{
    private const string TypeBase = "https://entente.example/problems/";

    public ProblemHttpResult From(ApiError error) => error switch
    {
        ApiError.NotFound e => Build(StatusCodes.Status404NotFound, "not-found", "id", Localize("not-found", $"No {e.Resource} has the id '{e.Id}'.", e.Resource, e.Id), []),
        ApiError.Rules e => FromRules(e.Errors),
        ApiError.PreconditionRequired => Build(StatusCodes.Status428PreconditionRequired, "if-match-required", "If-Match", Localize("if-match-required", "A write needs the If-Match header with the record's ETag."), []),
        ApiError.Stale { Expected: < 0 } e => Build(StatusCodes.Status412PreconditionFailed, "stale", "If-Match", Localize("weak-if-match", "A weak ETag never matches a write; send the ETag the API returned."), [], ("currentVersion", e.Current)),
        ApiError.Stale e => Build(StatusCodes.Status412PreconditionFailed, "stale", "If-Match", Localize("stale", $"The record has changed since version {e.Expected}: it is now at version {e.Current}. Read it again and re-apply your change.", e.Expected, e.Current), [], ("currentVersion", e.Current)),
        ApiError.BadRequest e => Build(StatusCodes.Status400BadRequest, e.Code, e.Field, Localize(e.Code, e.Message), []),
        ApiError.Forbidden e => Build(StatusCodes.Status403Forbidden, e.Code, e.Field, Localize(e.Code, e.Message, e.Field), []),
        ApiError.Unavailable e => Build(StatusCodes.Status503ServiceUnavailable, "unavailable", string.Empty, Localize("unavailable", e.Message), []),
        _ => throw new UnreachableException($"No problem mapping for {error.GetType().Name}."),
    };

    /// <summary>The broken rules of an error, each with its field and a message in the reader's language, for a page to show next to its fields.</summary>
    public IReadOnlyList<FieldProblem> Explain(ApiError error)
    {
        if (error is ApiError.Rules rules)
        {
            return [.. rules.Errors.Select(e => new FieldProblem(e.Field, e.Code, Localize(e.Code, e.Message, [e.Field, .. e.Args])))];
        }

        var problem = From(error).ProblemDetails;
        return [new FieldProblem(problem.Extensions["field"] as string ?? string.Empty, problem.Extensions["code"] as string ?? string.Empty, problem.Detail ?? string.Empty)];
    }

    /// <summary>Logs a refused write (a warning: someone tried what their role does not allow) and a race a constraint caught.</summary>
    public static void LogRefusal(ILogger logger, HttpContext http, Exception exception, ApiError error)
    {
        switch (error)
        {
            case ApiError.Forbidden:
                logger.LogWarning("Write refused for {User}: {Reason}", http.User.Identity?.Name, exception.Message);
                break;
            case ApiError.Rules when exception is Microsoft.EntityFrameworkCore.DbUpdateException:
                logger.LogWarning(exception, "Write refused by a database constraint");
                break;
        }
    }

    /// <summary>The problem for a request that could not be read at all (bad JSON, wrong types, too large).</summary>
    public ProblemHttpResult Unreadable(int status, string code, string field, string message) =>
        Build(status, code, field, Localize(code, message, field), []);

    private ProblemHttpResult FromRules(IReadOnlyList<RuleError> errors)
    {
        var status = errors.Select(e => StatusOf(e.Code)).Max();
        var items = errors
            .Select(e => new FieldProblem(e.Field, e.Code, Localize(e.Code, e.Message, [e.Field, .. e.Args])))
            .ToList();
        var headline = items.First(e => StatusOf(e.Code) == status);
        return Build(status, headline.Code, headline.Field, headline.Message, items);
    }

    /// <summary>
    /// Shape errors (a missing or too long text, a value out of range) are 400; a rule about the
    /// record and its relations is 422; a move its lifecycle forbids is 409.
    /// </summary>
    private static int StatusOf(string code) => RuleCodes.KindOf(code) switch
    {
        RuleKinds.Shape => StatusCodes.Status400BadRequest,
        RuleKinds.Lifecycle => StatusCodes.Status409Conflict,
        RuleKinds.MediaType => StatusCodes.Status415UnsupportedMediaType,
        RuleKinds.TooLarge => StatusCodes.Status413PayloadTooLarge,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    private string Localize(string code, string english, params object[] args)
    {
        if (!CultureInfo.CurrentUICulture.Name.StartsWith("ar", StringComparison.Ordinal))
        {
            return english;
        }

        var format = text["rule." + code];
        return format.ResourceNotFound ? english : string.Format(CultureInfo.CurrentCulture, format.Value, args);
    }

    private ProblemHttpResult Build(int status, string code, string field, string detail, IReadOnlyList<FieldProblem> errors, params (string Key, object Value)[] extra)
    {
        var problem = new ProblemDetails
        {
            Type = TypeBase + code,
            Title = text["status." + status.ToString(CultureInfo.InvariantCulture)] is { ResourceNotFound: false } t ? t.Value : ReasonPhrase(status),
            Status = status,
            Detail = detail,
            Instance = http.HttpContext?.Request.Path,
        };
        problem.Extensions["code"] = code;
        problem.Extensions["field"] = field;
        if (errors.Count > 0)
        {
            problem.Extensions["errors"] = errors;
        }

        foreach (var (key, value) in extra)
        {
            problem.Extensions[key] = value;
        }

        if (http.HttpContext is { } context)
        {
            problem.Extensions["traceId"] = context.TraceIdentifier;
        }

        return TypedResults.Problem(problem);
    }

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}

/// <summary>One broken rule in a problem's <c>errors</c> list.</summary>
public sealed record FieldProblem(string Field, string Code, string Message);
