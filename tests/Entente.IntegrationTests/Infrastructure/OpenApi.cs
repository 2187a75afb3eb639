using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>One operation of the program's OpenAPI document: its method, path template, query parameters and request body schema.</summary>
/// <param name="QueryParameters">Each query parameter's name and format (<c>uuid</c>, <c>int32</c>, <c>string</c>, <c>boolean</c>).</param>
/// <param name="Body">The JSON request body's schema, resolved (null when the operation takes no JSON body).</param>
/// <param name="Multipart">True when the operation takes a multipart/form-data upload.</param>
public sealed record ApiOperation(string Method, string Path, IReadOnlyList<(string Name, string Format)> QueryParameters, JsonObject? Body, bool Multipart);

/// <summary>The program's own OpenAPI document, read as a client generator would, so that tests cover every route it declares.</summary>
public sealed class OpenApi(JsonObject document)
{
    public static async Task<OpenApi> LoadAsync(HttpClient client)
    {
        var text = await client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return new OpenApi(JsonNode.Parse(text)!.AsObject());
    }

    public IReadOnlyList<ApiOperation> Operations =>
    [
        .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => new ApiOperation(
            op.Key.ToUpperInvariant(),
            path.Key,
            [.. (op.Value!["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query")
                .Select(p => ((string)p!["name"]!, (string?)p["schema"]?["format"] ?? TypeOf(p["schema"]) ?? "string"))],
            BodySchema(op.Value!),
            op.Value!["requestBody"]?["content"]?["multipart/form-data"] is not null))),
    ];

    /// <summary>A schema with its <c>$ref</c> and <c>oneOf [null, X]</c> wrappers resolved to X (null when it is only null).</summary>
    public JsonObject? Resolve(JsonNode? schema)
    {
        while (schema is JsonObject s)
        {
            if (s["$ref"] is { } reference)
            {
                schema = document["components"]!["schemas"]![((string)reference!).Split('/')[^1]];
                continue;
            }

            if (s["oneOf"] is JsonArray choices)
            {
                schema = choices.FirstOrDefault(c => c!["type"]?.ToString() != "null");
                continue;
            }

            return s;
        }

        return null;
    }

    /// <summary>The type of a schema, ignoring a <c>null</c> alternative: <c>string</c>, <c>array</c>, <c>object</c>, <c>integer</c>…</summary>
    public static string? TypeOf(JsonNode? schema) => schema?["type"] switch
    {
        JsonArray types => types.Select(t => (string?)t).FirstOrDefault(t => t != "null"),
        JsonValue type => (string?)type,
        _ => schema?["properties"] is not null ? "object" : null,
    };

    private JsonObject? BodySchema(JsonNode operation) => Resolve(operation["requestBody"]?["content"]?["application/json"]?["schema"]);
}

/// <summary>A route the program maps (API or page), with the names and constraints of its parameters.</summary>
public sealed record MappedRoute(string Template, bool IsPage, IReadOnlyList<(string Name, string Constraint)> Parameters)
{
    /// <summary>Every GET route of the program: the API's, and every page (shown by GET).</summary>
    public static IReadOnlyList<MappedRoute> Gets(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null
                || e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => new MappedRoute(
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor>() is not null,
                [.. e.RoutePattern.Parameters.Select(p => (p.Name, string.Join(",", p.ParameterPolicies.Select(x => x.Content))))]))
            .DistinctBy(r => r.Template),
    ];

    /// <summary>The path with each parameter filled by <paramref name="value"/>, or null when a parameter has no value.</summary>
    public string? Fill(Func<string, string, string?> value)
    {
        var path = Template;
        foreach (var (name, constraint) in Parameters)
        {
            if (value(name, constraint) is not { } filled)
            {
                return null;
            }

            path = System.Text.RegularExpressions.Regex.Replace(path, "\\{" + name + "(:[^}]*)?\\}", filled);
        }

        return path;
    }
}
