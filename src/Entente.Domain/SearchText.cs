using System.Globalization;
using System.Text;

namespace Entente.Domain;

/// <summary>A record kept findable by <see cref="SearchText.Fold"/>ed text, refreshed whenever it is saved.</summary>
public interface ISearchable
{
    /// <summary>The folded text searches run against.</summary>
    string SearchText { get; set; }

    /// <summary>The text to fold: every language the record holds.</summary>
    string SearchableText();
}

/// <summary>
/// Folds text for searching as an Arabic reader expects: hamza forms of alef (أ إ آ ٱ) read as
/// ا, ى as ي, ة as ه, ؤ as و, ئ as ي, the diacritics (tashkeel) and the tatweel dropped,
/// Arabic-Indic digits read as 0–9; Latin letters lose case and accents; hyphens and
/// apostrophes count as spaces. "الجارالله", "الجاراللّه" and "الـجارالله" fold alike, as do
/// "Al-Jarallah" and "al jarallah".
/// </summary>
public static class SearchText
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or >= '\u06D6' and <= '\u06ED' or '\u0640':
                    break;
                case '\u0622' or '\u0623' or '\u0625' or '\u0671':
                    builder.Append('\u0627');
                    break;
                case '\u0649' or '\u06CC' or '\u0626':
                    builder.Append('\u064A');
                    break;
                case '\u0629':
                    builder.Append('\u0647');
                    break;
                case '\u0624':
                    builder.Append('\u0648');
                    break;
                case '\u06A9':
                    builder.Append('\u0643');
                    break;
                case >= '\u0660' and <= '\u0669':
                    builder.Append((char)('0' + (c - '\u0660')));
                    break;
                case >= '\u06F0' and <= '\u06F9':
                    builder.Append((char)('0' + (c - '\u06F0')));
                    break;
                case '-' or '\u2010' or '\u2011' or '\u2013' or '\u2014' or '\'' or '\u2019' or '_':
                    builder.Append(' ');
                    break;
                default:
                    if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(char.ToLowerInvariant(c));
                    }

                    break;
            }
        }

        return string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split([' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
    }
}
