namespace Entente.Domain;

/// <summary>
/// User-facing text of a joint record, held in Arabic and in English side by side. Neither language
/// is the original: a text may be drafted in one and saved with the other empty, its translation
/// pending (<see cref="Pending"/>); both are required only at the steps that publish or bind
/// (<see cref="CheckComplete"/>: a plan frozen, minutes or a statement approved or published).
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

    /// <summary>The language whose text is still to come (<c>ar</c> or <c>en</c>), when only one is written.</summary>
    public string? Pending => string.IsNullOrWhiteSpace(Ar) == string.IsNullOrWhiteSpace(En) ? null : string.IsNullOrWhiteSpace(Ar) ? "ar" : "en";

    /// <summary>Both languages are written.</summary>
    public bool IsComplete => !string.IsNullOrWhiteSpace(Ar) && !string.IsNullOrWhiteSpace(En);

    /// <summary>
    /// Checks the text is written in one language at least (the other may be pending) and that what is
    /// written is within <paramref name="maxLength"/> and well formed.
    /// </summary>
    /// <param name="field">The name of the field, for error reports (e.g. <c>title</c>).</param>
    /// <param name="maxLength">The longest text accepted in either language.</param>
    public IEnumerable<RuleError> Check(string field, int maxLength = MaxTitleLength)
    {
        var pending = Pending;
        foreach (var (lang, text) in new[] { ("ar", Ar), ("en", En) })
        {
            if (lang == pending)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                yield return new RuleError(RuleCodes.Required, $"{field}.{lang}", $"'{field}' needs its text in Arabic or in English (the other may follow as a translation).");
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

    /// <summary>
    /// At a step that publishes or binds: both languages are required. A pending translation is
    /// reported under <c>{field}.{lang}</c> with <see cref="RuleCodes.TranslationPending"/>.
    /// </summary>
    public IEnumerable<RuleError> CheckComplete(string field)
    {
        if (Pending is { } lang)
        {
            yield return new RuleError(RuleCodes.TranslationPending, $"{field}.{lang}", $"'{field}' is still to be translated into {(lang == "ar" ? "Arabic" : "English")}: both languages are needed at this step.", lang);
        }
    }

    /// <summary>The text in the language named by <paramref name="language"/> (<c>ar</c> or anything else for English).</summary>
    public string In(string language) => language.StartsWith("ar", StringComparison.OrdinalIgnoreCase) ? Ar : En;

    public override string ToString() => $"{En} / {Ar}";
}
