using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Entente.Web.Infrastructure;

/// <summary>
/// Checks a <see cref="RecordPageSpec"/> against the API it stands on: every input a field posts is a
/// JSON path of the request, every field is read from the answer, every choice list is one a feature
/// registered. A misspelt path would otherwise render an input that saves nothing, or a value never shown.
/// </summary>
public static class RecordPageChecks
{
    /// <summary>What does not hold, one line each; empty when the spec fits its API.</summary>
    public static IReadOnlyList<string> Mismatches(RecordPageSpec spec, JsonSerializerOptions json, IEnumerable<string> choiceSources)
    {
        var sources = choiceSources.ToHashSet(StringComparer.Ordinal);
        var found = new List<string>();
        foreach (var field in spec.Fields)
        {
            foreach (var input in field.Inputs)
            {
                if (TypeAt(json, spec.RequestType, input) is null)
                {
                    found.Add($"{spec.Kind}: the input '{input}' of the field '{field.Path}' is no property of {spec.RequestType.Name}.");
                }
            }

            if (field.Read is null && TypeAt(json, spec.ResponseType, field.Path) is null)
            {
                found.Add($"{spec.Kind}: the field '{field.Path}' is no property of {spec.ResponseType.Name}.");
            }

            if (field.Kind is FieldKind.Reference or FieldKind.References or FieldKind.PeopleInRoles or FieldKind.InstitutionRoles && (field.Choices is null || !sources.Contains(field.Choices)))
            {
                found.Add($"{spec.Kind}: the field '{field.Path}' picks from '{field.Choices}', which no feature offers.");
            }

            if (field.Institutions is { } institutions && (field.Kind != FieldKind.PeopleInRoles || !sources.Contains(institutions)))
            {
                found.Add($"{spec.Kind}: the field '{field.Path}' offers institutions from '{institutions}', which no feature offers or the field does not take.");
            }

            if (field.Kind == FieldKind.Enum && field.EnumType is not { IsEnum: true })
            {
                found.Add($"{spec.Kind}: the field '{field.Path}' is an enum field without its enum type.");
            }
        }

        if (spec.Fields.All(f => f.Path != spec.TitlePath))
        {
            found.Add($"{spec.Kind}: the title '{spec.TitlePath}' is none of its fields.");
        }

        return found;
    }

    /// <summary>The type at a JSON path (<c>coChairs[0].title.ar</c>) of <paramref name="type"/>, looking into list elements; null when there is no such property.</summary>
    public static Type? TypeAt(JsonSerializerOptions json, Type type, string path)
    {
        Type? current = type;
        foreach (var segment in path.Split('.'))
        {
            var name = segment.Split('[')[0];
            var info = json.GetTypeInfo(current!);
            var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == name) : null;
            if (property is null)
            {
                return null;
            }

            current = ElementOf(json, property.PropertyType);
        }

        return current;
    }

    private static Type ElementOf(JsonSerializerOptions json, Type type)
    {
        var unwrapped = Nullable.GetUnderlyingType(type) ?? type;
        return json.GetTypeInfo(unwrapped) is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } ? element : unwrapped;
    }
}
