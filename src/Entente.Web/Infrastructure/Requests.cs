using System.Text.Json;
using Entente.Domain;

namespace Entente.Web.Infrastructure;

/// <summary>
/// A bilingual text in the API: <c>{ "ar": "…", "en": "…" }</c>. One language may be left empty (or
/// out), its translation pending; <c>GET /api/translations</c> lists what awaits translation.
/// </summary>
public sealed record TextDto(string? Ar, string? En)
{
    public static TextDto? Of(BilingualText? text) => text is null ? null : new TextDto(text.Ar, text.En);
}

/// <summary>
/// A possibly partial date in the API: <c>{ "year": 2020, "month": 11, "day": 23, "inferred": ["year"] }</c>,
/// plus the canonical <c>text</c> on output.
/// </summary>
public sealed record DateDto(int? Year, int? Month, int? Day, string[]? Inferred = null, string? Text = null)
{
    public static DateDto? Of(PartialDate? date) => date is null
        ? null
        : new DateDto(date.Year, date.Month, date.Day, InferredNames(date.Inferred), date.ToString());

    private static string[] InferredNames(DateParts parts) =>
        [.. new[] { (DateParts.Year, "year"), (DateParts.Month, "month"), (DateParts.Day, "day") }.Where(p => parts.HasFlag(p.Item1)).Select(p => p.Item2)];
}

/// <summary>
/// Collects the broken rules of a request so that all of them are reported at once, each
/// naming its field; nothing is written while any is present.
/// </summary>
public sealed class Checks
{
    private readonly List<RuleError> _errors = [];

    public bool Ok => _errors.Count == 0;

    /// <summary>The broken rules found so far.</summary>
    public IReadOnlyList<RuleError> Errors => _errors;

    public void Add(RuleError error) => _errors.Add(error);

    public void AddRange(IEnumerable<RuleError> errors) => _errors.AddRange(errors);

    /// <summary>Throws the collected errors as a 400/409/422 problem.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new ApiErrorException(new ApiError.Rules([.. _errors]));
        }
    }

    public T Required<T>(T? value, string field)
        where T : struct
    {
        if (value is null)
        {
            _errors.Add(new RuleError(RuleCodes.Required, field, $"'{field}' is required."));
            return default;
        }

        return value.Value;
    }

    public string Required(string? value, string field, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            _errors.Add(new RuleError(RuleCodes.Required, field, $"'{field}' is required."));
            return string.Empty;
        }

        return Length(value, field, maxLength)!;
    }

    /// <summary>An optional text: checked for length and for well-formed Unicode without control characters.</summary>
    public string? Length(string? value, string field, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            _errors.Add(new RuleError(RuleCodes.TooLong, field, $"'{field}' is longer than {maxLength} characters.", maxLength));
        }
        else
        {
            _errors.AddRange(TextRules.Check(value, field));
        }

        return value;
    }

    /// <summary>A required bilingual text; reports a missing object or language under <paramref name="field"/>.</summary>
    public BilingualText Text(TextDto? dto, string field, int maxLength = BilingualText.MaxTitleLength)
    {
        var text = new BilingualText(dto?.Ar?.Trim() ?? string.Empty, dto?.En?.Trim() ?? string.Empty);
        _errors.AddRange(text.Check(field, maxLength));
        return text;
    }

    /// <summary>An optional bilingual text: null when absent; when given, both languages are required.</summary>
    public BilingualText? OptionalText(TextDto? dto, string field, int maxLength = BilingualText.MaxProseLength) =>
        dto is null || (string.IsNullOrWhiteSpace(dto.Ar) && string.IsNullOrWhiteSpace(dto.En)) ? null : Text(dto, field, maxLength);

    /// <summary>An optional partial date; checks its parts.</summary>
    public PartialDate? Date(DateDto? dto, string field)
    {
        if (dto is null)
        {
            return null;
        }

        var inferred = DateParts.None;
        foreach (var (name, index) in (dto.Inferred ?? []).Select((n, i) => (n, i)))
        {
            switch (name)
            {
                case "year": inferred |= DateParts.Year; break;
                case "month": inferred |= DateParts.Month; break;
                case "day": inferred |= DateParts.Day; break;
                default:
                    _errors.Add(new RuleError(RuleCodes.OutOfRange, $"{field}.inferred[{index}]", $"'{field}.inferred' holds 'year', 'month' or 'day'."));
                    break;
            }
        }

        var date = new PartialDate(dto.Year, dto.Month, dto.Day, inferred);
        var errors = date.Check(field).ToList();
        // 'text' is what the program writes of a date; a request may send it back as read, and nothing else.
        if (dto.Text is not null && (errors.Count > 0 || !string.Equals(dto.Text, date.ToString(), StringComparison.Ordinal)))
        {
            errors.Add(new RuleError(RuleCodes.OutOfRange, $"{field}.text", $"'{field}.text' is written by the program from year, month and day: leave it out, or send it as it was read."));
        }

        _errors.AddRange(errors);
        return errors.Count == 0 ? date : null;
    }

    /// <summary>A value of an enumeration spelled as the API writes it (<c>under-negotiation</c>); null when absent.</summary>
    public T? Enum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (EnumText.TryParse<T>(value, out var parsed))
        {
            return parsed;
        }

        _errors.Add(new RuleError(RuleCodes.OutOfRange, field, $"'{field}' is one of: {string.Join(", ", EnumText.Names<T>())}.", string.Join(", ", EnumText.Names<T>())));
        return null;
    }

    /// <summary>A required enumeration value: one error when absent, one when unknown.</summary>
    public T RequiredEnum<T>(string? value, string field)
        where T : struct, Enum
    {
        if (string.IsNullOrEmpty(value))
        {
            _errors.Add(new RuleError(RuleCodes.Required, field, $"'{field}' is required."));
            return default;
        }

        return Enum<T>(value, field) ?? default;
    }

    /// <summary>The entries of a list in a request: reports null entries and lists longer than <paramref name="max"/>.</summary>
    public List<(T Item, int Index)> Entries<T>(T?[]? entries, string field, int max = MaxEntries)
        where T : class
    {
        var result = new List<(T, int)>();
        if (entries is null)
        {
            return result;
        }

        if (entries.Length > max)
        {
            _errors.Add(new RuleError(RuleCodes.TooLong, field, $"'{field}' holds more than {max} entries.", max));
            return result;
        }

        for (var i = 0; i < entries.Length; i++)
        {
            if (entries[i] is { } entry)
            {
                result.Add((entry, i));
            }
            else
            {
                _errors.Add(new RuleError(RuleCodes.Required, $"{field}[{i}]", $"'{field}[{i}]' is empty."));
            }
        }

        return result;
    }

    /// <summary>A list of ids in a request; reports lists longer than <paramref name="max"/> and an id named twice (at its second place), never dropping it quietly.</summary>
    public List<Guid> Ids(Guid[]? ids, string field, int max = MaxEntries)
    {
        if (ids is not null && ids.Length > max)
        {
            _errors.Add(new RuleError(RuleCodes.TooLong, field, $"'{field}' holds more than {max} entries.", max));
            return [];
        }

        var seen = new HashSet<Guid>();
        var result = new List<Guid>();
        for (var i = 0; i < (ids?.Length ?? 0); i++)
        {
            if (seen.Add(ids![i]))
            {
                result.Add(ids[i]);
            }
            else
            {
                _errors.Add(new RuleError(RuleCodes.Duplicate, $"{field}[{i}]", $"'{field}[{i}]' names again what an earlier entry names ('{ids[i]}').", ids[i]));
            }
        }

        return result;
    }

    /// <summary>Most entries a list in a request may hold.</summary>
    public const int MaxEntries = 200;

    /// <summary>Runs a domain operation, collecting its broken rules instead of throwing.</summary>
    public void Try(Action action)
    {
        try
        {
            action();
        }
        catch (DomainRuleException e)
        {
            _errors.AddRange(e.Errors);
        }
    }
}

/// <summary>Enumeration values as the API spells them: kebab-case (<c>in-force</c>, <c>video-conference</c>).</summary>
public static class EnumText
{
    public static readonly JsonNamingPolicy Policy = JsonNamingPolicy.KebabCaseLower;

    public static IEnumerable<string> Names<T>()
        where T : struct, Enum => System.Enum.GetValues<T>().Select(v => Policy.ConvertName(v.ToString()));

    public static bool TryParse<T>(string value, out T result)
        where T : struct, Enum
    {
        foreach (var v in System.Enum.GetValues<T>())
        {
            if (string.Equals(Policy.ConvertName(v.ToString()), value, StringComparison.Ordinal))
            {
                result = v;
                return true;
            }
        }

        result = default;
        return false;
    }
}
