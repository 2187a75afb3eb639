using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The web pages: Razor Pages living in their features' folders (<c>Features/&lt;Feature&gt;/*.cshtml</c>),
/// antiforgery on every form, the reader's language and preferences on every page.
/// </summary>
public static class WebPages
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddMvcOptions(o => o.Filters.Add<PageFilter>());
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".Entente.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__csrf";
            o.HeaderName = "X-CSRF-Token";
        });
        builder.Services.Configure<RouteOptions>(o => o.LowercaseUrls = true);
        builder.Services.AddScoped<Reader>();
        builder.Services.AddScoped<BodyChoiceLoader>();

        // Arabic (and every other script) written as itself, not as numeric character references; HTML-special characters are still encoded.
        builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        return builder;
    }

    /// <summary>Static assets (styles, fonts, htmx) are served before sign-in is asked for.</summary>
    public static WebApplication UseWebAssets(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        return app;
    }

    public static IEndpointRouteBuilder MapWebPages(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }
}

/// <summary>
/// Runs around every page handler: loads the reader's preferences, and turns a record that does
/// not exist (or that the reader may not see) into the 404 page, as the API does.
/// </summary>
public sealed class PageFilter(Reader reader) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        await reader.LoadAsync(context.HttpContext.RequestAborted);
        var executed = await next();
        if (executed.Exception is ApiErrorException { Error: ApiError.NotFound })
        {
            executed.Result = new NotFoundResult();
            executed.ExceptionHandled = true;
        }
    }
}

/// <summary>
/// What every page of Entente shares: running a change through the same handlers as the API and
/// keeping its broken rules, each under its field, in the reader's language.
/// </summary>
public abstract class EntentePage : PageModel
{
    /// <summary>Messages per field (the API's field names: <c>title.ar</c>, <c>dueOn</c>); the empty key holds the form's own.</summary>
    public Dictionary<string, List<string>> FieldErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>The stale-version error of the last save, when another person saved the record first.</summary>
    public ApiError.Stale? Conflict { get; private set; }

    public bool HasErrors => FieldErrors.Count > 0;

    /// <summary>The choices of a body the page's forms offer: its parties and the lists named (<see cref="IChoiceSource"/>); no body the reader sees is a 404.</summary>
    protected Task<BodyChoices> ChoicesAsync(Guid bodyId, IEnumerable<string?> needed, CancellationToken ct) =>
        HttpContext.RequestServices.GetRequiredService<BodyChoiceLoader>().RequireAsync(bodyId, needed, ct);

    /// <summary>Runs a change; on a broken rule, a refusal or a stale version keeps the messages and answers false, having changed nothing.</summary>
    protected async Task<bool> TryAsync(Func<Task> change)
    {
        var problems = HttpContext.RequestServices.GetRequiredService<Problems>();
        try
        {
            await change();
            return true;
        }
        catch (Exception e) when (ApiError.Of(e) is { } error and not ApiError.NotFound)
        {
            Problems.LogRefusal(HttpContext.RequestServices.GetRequiredService<ILogger<EntentePage>>(), HttpContext, e, error);
            Conflict = error as ApiError.Stale;
            Keep(problems.Explain(error));
        }

        return false;
    }

    /// <summary>The key under which a page tells the next one what its save did (shown once, by the layout).</summary>
    public const string FlashKey = "flash";

    /// <summary>
    /// Goes to <paramref name="href"/> after a save, which then says so: "Saved", or "Nothing to save"
    /// when the record kept its version (the form was saved as it was read, and nothing was written).
    /// </summary>
    protected IActionResult Saved(string href, long? versionBefore = null, long? versionAfter = null)
    {
        TempData[FlashKey] = versionBefore is not null && versionBefore == versionAfter ? "unchanged" : "saved";
        return Redirect(href);
    }

    /// <summary>Goes to the record just created, which then says so.</summary>
    protected IActionResult CreatedAt(string href)
    {
        TempData[FlashKey] = "created";
        return Redirect(href);
    }

    /// <summary>Adds a message under a field.</summary>
    public void AddError(string field, string message)
    {
        if (!FieldErrors.TryGetValue(field, out var list))
        {
            FieldErrors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>The label a person knows a field by (the API's messages quote the API's field name), or null to keep the name.</summary>
    protected virtual string? LabelOf(string field) => null;

    private void Keep(IEnumerable<FieldProblem> problems)
    {
        foreach (var p in problems)
        {
            var message = p.Message;
            var whole = p.Field.Split('.')[0];
            foreach (var name in p.Field == whole ? [p.Field] : new[] { p.Field, whole })
            {
                if (name.Length > 0 && (LabelOf(name) ?? FieldLabels.Of(HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResources>>(), name)) is { } label)
                {
                    message = message.Replace($"'{name}'", $"'{label}'", StringComparison.Ordinal);
                }
            }

            AddError(p.Field == "If-Match" ? string.Empty : p.Field, message);
        }
    }
}

/// <summary>
/// <c>&lt;field-errors for="title.ar" /&gt;</c>: the messages of one field of the page, in a
/// paragraph the field's input points at (<c>aria-describedby="err-title-ar"</c>).
/// With <c>for=""</c>, the form's own messages and those of fields the form does not show.
/// </summary>
[HtmlTargetElement("field-errors", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorsTagHelper : TagHelper
{
    [HtmlAttributeName("for")]
    public string Field { get; set; } = string.Empty;

    /// <summary>With <c>for=""</c>: the fields the form shows, whose messages appear next to them instead.</summary>
    [HtmlAttributeName("shown")]
    public string? Shown { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public static string IdOf(string field) => "err-" + new string([.. field.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]);

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var page = (ViewContext.ViewData.Model as EntentePage) ?? throw new InvalidOperationException("field-errors is for Entente pages.");
        var shown = (Shown ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var messages = Field.Length > 0
            ? page.FieldErrors.Where(e => e.Key == Field || e.Key.StartsWith(Field + "[", StringComparison.Ordinal)).SelectMany(e => e.Value).ToList()
            : page.FieldErrors.Where(e => e.Key.Length == 0 || !shown.Any(s => e.Key == s || e.Key.StartsWith(s + "[", StringComparison.Ordinal))).SelectMany(e => e.Value).ToList();
        if (messages.Count == 0)
        {
            output.SuppressOutput();
            return;
        }

        output.TagName = Field.Length > 0 ? "p" : "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", Field.Length > 0 ? "field-error" : "form-errors");
        output.Attributes.SetAttribute("id", IdOf(Field.Length > 0 ? Field : "form"));
        if (Field.Length == 0)
        {
            output.Attributes.SetAttribute("role", "alert");
        }

        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            if (i > 0)
            {
                output.Content.AppendHtml("<br>");
            }

            output.Content.Append(message);
        }
    }
}
