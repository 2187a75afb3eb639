using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Turns every exception that escapes a handler into problem details: unreadable requests
/// (bad JSON, wrong types, unknown enumeration values, bodies too large) are 400/413 naming the
/// field; broken rules 400/409/422; a lost concurrency race 412; anything else a 500 without
/// internals.
/// </summary>
public sealed partial class ApiExceptionHandler(Problems problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The middleware has already pointed the request at the error page: what it asked for decides, and the problem names it.
        var asked = httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path is { Length: > 0 } path ? new PathString(path) : httpContext.Request.Path;
        if (PageErrors.WantsPage(httpContext.Request, asked))
        {
            // A browser's page: the error page answers it (PageErrors), in the reader's language.
            LogFor(httpContext, exception, PageErrors.StatusOf(exception));
            return false;
        }

        httpContext.Request.Path = asked;
        var result = Map(exception);
        LogFor(httpContext, exception, result.StatusCode);
        await result.ExecuteAsync(httpContext);
        return true;
    }

    private void LogFor(HttpContext httpContext, Exception exception, int status)
    {
        if (status >= 500)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        else
        {
            logger.LogInformation("Request refused with {Status}: {Message}", status, exception.Message);
        }
    }

    private ProblemHttpResult Map(Exception exception) => ApiError.Of(exception) is { } error ? problems.From(error) : exception switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            problems.Unreadable(StatusCodes.Status413PayloadTooLarge, "too-large", string.Empty, "The request body is too large."),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException e when BindingFailure().Match(e.Message) is { Success: true } m =>
            problems.Unreadable(StatusCodes.Status400BadRequest, "invalid-parameter", m.Groups["name"].Value, $"The value of '{m.Groups["name"].Value}' has the wrong type: expected {m.Groups["type"].Value}."),
        BadHttpRequestException e => problems.Unreadable(e.StatusCode, "bad-request", string.Empty, CleanMessage(e.Message)),
        JsonException json => FromJson(json),
        _ => problems.Unreadable(StatusCodes.Status500InternalServerError, "internal", string.Empty, "An unexpected error occurred. It has been logged; the request changed nothing."),
    };

    private ProblemHttpResult FromJson(JsonException json)
    {
        var field = JsonPaths.ToField(json.Path);
        if (UnmappedMember().Match(json.Message) is { Success: true } unmapped)
        {
            // The path is the object's, or the member's own: the member is named either way.
            var name = unmapped.Groups["name"].Value;
            var member = field.Length == 0 ? name : field.EndsWith(name, StringComparison.Ordinal) ? field : field + "." + name;
            return problems.Unreadable(StatusCodes.Status400BadRequest, "unknown-member", member, $"'{member}' is no member of this request: check its spelling, or leave it out.");
        }

        if (json.InnerException is ArgumentOutOfRangeException range)
        {
            return problems.Unreadable(StatusCodes.Status400BadRequest, Entente.Domain.RuleCodes.OutOfRange, field, $"'{field}': {range.Message.Split(" (Parameter", 2)[0]}");
        }

        var message = json.InnerException is InvalidOperationException or FormatException || json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"The value of '{field}' has the wrong type or is not one of the allowed values."
            : $"The request body is not valid JSON (near '{field}').";
        return problems.Unreadable(StatusCodes.Status400BadRequest, "invalid-json", field, message);
    }

    private static string CleanMessage(string message) =>
        message.Length > 300 ? message[..300] : message;

    /// <summary>System.Text.Json's message for a member no property takes: <c>The JSON property 'summery' could not be mapped to any .NET member contained in type '…'.</c></summary>
    [GeneratedRegex("^The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnmappedMember();

    /// <summary>ASP.NET Core's message for a route or query value of the wrong type: <c>Failed to bind parameter "Nullable&lt;int&gt; page" from "abc".</c></summary>
    [GeneratedRegex("^Failed to bind parameter \"(?<type>[^\"]+) (?<name>\\w+)\" from", RegexOptions.CultureInvariant)]
    private static partial Regex BindingFailure();
}

/// <summary>Converts System.Text.Json paths (<c>$.title.ar</c>, <c>$.coChairs[0].personId</c>) into the API's field names.</summary>
public static class JsonPaths
{
    public static string ToField(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return string.Empty;
        }

        var field = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", string.Empty, StringComparison.Ordinal);
    }
}
