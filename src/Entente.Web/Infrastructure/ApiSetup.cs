using System.Globalization;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Localization;

namespace Entente.Web.Infrastructure;

/// <summary>The plumbing every API route shares: JSON, errors, languages, limits.</summary>
public static class ApiSetup
{
    /// <summary>Largest request body accepted, in bytes.</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    public static readonly CultureInfo[] Cultures = [new("en"), new("ar")];

    public static WebApplicationBuilder AddApiPlumbing(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(EnumText.Policy, allowIntegerValues: false));
            o.SerializerOptions.Converters.Add(new DateOnlyJsonConverter());
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            // A member the request does not take is refused, never dropped: a misspelt "summery" would lose its text.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        });
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddLocalization();
        builder.Services.AddSingleton<Problems>();
        builder.Services.AddSingleton<RecordTargets>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            // Every route but the health checks needs an API token: say so to client generators.
            document.Components ??= new Microsoft.OpenApi.OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, Microsoft.OpenApi.IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new Microsoft.OpenApi.OpenApiSecurityScheme
            {
                Type = Microsoft.OpenApi.SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API token of an account (ent_…), made with `tokens create` or POST /api/api-tokens.",
            };
            document.Security = [new Microsoft.OpenApi.OpenApiSecurityRequirement { [new Microsoft.OpenApi.OpenApiSecuritySchemeReference("bearer", document)] = [] }];
            return Task.CompletedTask;
        }));
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.AddTrustedProxies();
        return builder;
    }

    public static WebApplication UseApiPlumbing(this WebApplication app)
    {
        app.UseTrustedProxies();
        app.UseSecurityHeaders();
        app.UsePageErrors();
        // The reader's choice (the language cookie the switch and the account set) first, then the browser's Accept-Language.
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = Cultures,
            SupportedUICultures = Cultures,
            RequestCultureProviders =
            [
                new CookieRequestCultureProvider { CookieName = Languages.Cookie },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ],
        });
        // Routing after the error pages, so that a request they take again (an unknown page, a failure) is routed to them anew.
        app.UseRouting();
        app.Use(LimitBody);
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
        return app;
    }

    /// <summary>The group under which a feature maps its API routes, with the error filter and the problem responses declared.</summary>
    /// <param name="cacheReads">Serve the group's GETs from the read cache (<see cref="ReadCache"/>): for records, whose every change
    /// is a save through the audit chain; not for an account's own state (its tokens' last use, its sign-in bookkeeping).</param>
    public static RouteGroupBuilder MapApiGroup(this IEndpointRouteBuilder app, string path, string tag, bool cacheReads = true)
    {
        var group = app.MapGroup(path).WithTags(tag);
        if (cacheReads)
        {
            group.CacheReads();
        }

        group.AddEndpointFilter(HandleErrors);
        group.ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        return group;
    }

    private static async ValueTask<object?> HandleErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (ApiError.Of(e) is { } error)
        {
            var services = context.HttpContext.RequestServices;
            Problems.LogRefusal(services.GetRequiredService<ILogger<Problems>>(), context.HttpContext, e, error);
            return services.GetRequiredService<Problems>().From(error);
        }
    }

    /// <summary>
    /// Refuses bodies over <see cref="MaxBodyBytes"/> with 413: by Content-Length at once, and
    /// through the server's body-size limit for streamed bodies.
    /// </summary>
    private static async Task LimitBody(HttpContext context, RequestDelegate next)
    {
        var max = context.GetEndpoint()?.Metadata.GetMetadata<LargeBodyAttribute>()?.Bytes(context.RequestServices.GetRequiredService<IConfiguration>()) ?? MaxBodyBytes;
        if (context.Request.ContentLength > max)
        {
            var problems = context.RequestServices.GetRequiredService<Problems>();
            await problems.Unreadable(StatusCodes.Status413PayloadTooLarge, "too-large", string.Empty, $"The request body is larger than {max} bytes.").ExecuteAsync(context);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }
        else if (context.Request.ContentLength is null && context.Request.Body.CanRead)
        {
            context.Request.Body = new LimitedStream(context.Request.Body, max);
        }

        await next(context);
    }

    /// <summary>A read-only stream that fails with 413 once more than its limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit ? throw new BadHttpRequestException("The request body is too large.", StatusCodes.Status413PayloadTooLarge) : read;
        }
    }
}

/// <summary>
/// Endpoint metadata: this endpoint takes a body larger than the API's usual limit (a file upload),
/// up to the number of megabytes the setting names (or its default), plus one megabyte for the form around it.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class LargeBodyAttribute(string megabytesSetting, long defaultMegabytes) : Attribute
{
    public long Bytes(IConfiguration configuration) => (configuration.GetValue(megabytesSetting, defaultMegabytes) + 1) * 1024 * 1024;
}
