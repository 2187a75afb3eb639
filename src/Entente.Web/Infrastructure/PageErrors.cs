namespace Entente.Web.Infrastructure;

/// <summary>
/// Errors as a person in a browser meets them: an unknown page, a refused one, a failure, answered by
/// the error page in the reader's language (<c>/error/{status}</c>) rather than by problem details,
/// which the API and every request that does not ask for HTML keep.
/// </summary>
public static class PageErrors
{
    /// <summary>The page that answers an error to a browser.</summary>
    public const string Path = "/error";

    /// <summary>Whether the request is a browser's asking for a page: not the API, its description or the health checks, and HTML accepted.</summary>
    public static bool WantsPage(HttpRequest request) => WantsPage(request, request.Path);

    /// <summary>As <see cref="WantsPage(HttpRequest)"/>, for the path the request first asked for (an exception handler sees the error page's).</summary>
    public static bool WantsPage(HttpRequest request, PathString path) =>
        !path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
        && !path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    /// <summary>The status a page's exception answers with, as the API would answer the same error.</summary>
    public static int StatusOf(Exception exception) => ApiError.Of(exception) switch
    {
        ApiError.NotFound => StatusCodes.Status404NotFound,
        ApiError.Forbidden => StatusCodes.Status403Forbidden,
        ApiError.Stale => StatusCodes.Status412PreconditionFailed,
        ApiError.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        ApiError.Unavailable => StatusCodes.Status503ServiceUnavailable,
        ApiError.BadRequest => StatusCodes.Status400BadRequest,
        ApiError.Rules => StatusCodes.Status422UnprocessableEntity,
        _ => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
    };

    /// <summary>Unknown pages and refusals (a status without a body) and exceptions of pages go to the error page; the API's stay problem details.</summary>
    public static WebApplication UsePageErrors(this WebApplication app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = Path, StatusCodeSelector = StatusOf });
        app.UseWhen(c => WantsPage(c.Request), b => b.UseStatusCodePagesWithReExecute(Path + "/{0}"));
        app.UseWhen(c => !WantsPage(c.Request), b => b.UseStatusCodePages());
        return app;
    }
}
