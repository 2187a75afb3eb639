using Microsoft.Extensions.Localization;

namespace Entente.Web.Infrastructure;

/// <summary>
/// The strings' convention for naming a field to a person: the API's <c>sessionId</c> is <c>ui.field.session</c>,
/// <c>dueOn</c> is <c>ui.field.due-on</c>, <c>ownerInstitutionIds</c> is <c>ui.field.owner-institutions</c>.
/// </summary>
public static class FieldLabels
{
    /// <summary>The key's stem of a field (a row's index and a trailing Id dropped, kebab case): <c>coChairs[0]</c> → <c>co-chairs</c>; null for a path into an object.</summary>
    public static string? Stem(string field)
    {
        var name = System.Text.RegularExpressions.Regex.Replace(field, @"\[\d+\]", string.Empty);
        if (name.Length == 0 || name.Contains('.', StringComparison.Ordinal))
        {
            return null;
        }

        name = name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^3] + "s" : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
        return EnumText.Policy.ConvertName(name);
    }

    /// <summary>The label of a field, or null when the strings have none, so that no message quotes the API's own name when a word for it exists.</summary>
    public static string? Of(IStringLocalizer text, string field) =>
        Stem(field) is { } stem && text["ui.field." + stem] is { ResourceNotFound: false } label ? label.Value : null;
}
