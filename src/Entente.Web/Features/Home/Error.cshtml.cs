using Entente.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Entente.Web.Features.Home;

/// <summary>
/// The page a browser gets for an unknown page, a refusal or a failure, in the reader's language: what
/// happened in words, what the refusal's rules say, the request's reference for a failure, and ways on.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(Problems problems) : EntentePage
{
    public int Status { get; private set; }

    /// <summary>The refused request's broken rules, in the reader's language; none for an unknown page or a failure.</summary>
    public IReadOnlyList<string> Reasons { get; private set; } = [];

    /// <summary>The request's reference in the log, shown for a failure so that an operator can find it.</summary>
    public string? Reference { get; private set; }

    /// <summary>The message key of the status: the few a person meets have their own words, the rest share one.</summary>
    public string Key => Status switch
    {
        404 or 403 or 500 or 503 or 412 or 429 => Status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        >= 500 => "500",
        _ => "400",
    };

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Status = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : StatusCodes.Status404NotFound;
        Response.StatusCode = Status;
        if (HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error is { } error)
        {
            if (ApiError.Of(error) is { } refusal and not ApiError.NotFound)
            {
                Reasons = [.. problems.Explain(refusal).Select(p => p.Message).Distinct()];
            }
        }

        if (Status >= 500)
        {
            Reference = HttpContext.TraceIdentifier;
        }
    }
}
