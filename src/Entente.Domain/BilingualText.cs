namespace Entente.Domain;

/// <summary>
/// User-facing text of a joint record, held in Arabic and in English side by side.
/// Neither language is a translation target: both are required and both are shown.
/// </summary>
public sealed record BilingualText
{
    /// <summary>Longest text accepted for a title or name in either language.</summary>
    public const int MaxTitleLength = 500;

    /// <summary>Longest text accepted for a body of prose in either language.</summary>
    public const int MaxProseLength = 20_000;

    public BilingualText(string ar, string en)
    {
        Ar = ar;
        En = en;
    }

    /// <summary>The Arabic text, as an Arabic reader would write it.</summary>
    public string Ar { get; init; }

    /// <summary>The English text.</summary>
    public string En { get; init; }

    /// <summary>Checks both languages are present and within <paramref name="maxLength"/>.</summary>
    /// <param name="field">The name of the field, for error reports (e.g. <c>title</c>).</param>
    /// <param name="maxLength">The longest text accepted in either language.</param>
    public IEnumerable<RuleError> Check(string field, int maxLength = MaxTitleLength)
    {
        foreach (var (lang, text) in new[] { ("ar", Ar), ("en", En) })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                yield return new RuleError(RuleCodes.Required, $"{field}.{lang}", $"The {(lang == "ar" ? "Arabic" : "English")} text of '{field}' is required.");
            }
            else if (text.Length > maxLength)
            {
                yield return new RuleError(RuleCodes.TooLong, $"{field}.{lang}", $"'{field}.{lang}' is longer than {maxLength} characters.", maxLength);
            }
            else
            {
                foreach (var error in TextRules.Check(text, $"{field}.{lang}"))
                {
                    yield return error;
                }
            }
        }
    }

    /// <summary>The text in the language named by <paramref name="language"/> (<c>ar</c> or anything else for English).</summary>
    public string In(string language) => language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Ar : En;

    public override string ToString() => $"{En} / {Ar}";
}
