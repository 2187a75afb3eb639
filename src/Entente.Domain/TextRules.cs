using System.Globalization;
using System.Text;

namespace Entente.Domain;

/// <summary>
/// What any stored text must be: well-formed Unicode (no lone surrogates) without control
/// characters other than tab and line breaks (PostgreSQL refuses U+0000 outright, and a lone
/// surrogate cannot be encoded in UTF-8); without the invisible characters that make a text read
/// other than it is — bidirectional embeddings, overrides and isolates (U+202E turns «رفض» into
/// what looks like another word), zero-width spaces, word joiners, byte-order marks, soft hyphens,
/// line and paragraph separators, and the characters that show nothing (see <see cref="IsBlankLookalike"/>);
/// and never made of invisible characters alone (a name no one can see). The marks that written
/// Arabic and mixed text need stay allowed: zero-width non-joiner and joiner, and the left-to-right,
/// right-to-left and Arabic letter marks.
/// </summary>
public static class TextRules
{
    public static IEnumerable<RuleError> Check(string? text, string field)
    {
        if (text is null || IsWellFormed(text))
        {
            yield break;
        }

        yield return new RuleError(RuleCodes.InvalidText, field, $"'{field}' holds a control character, an invisible formatting character or malformed Unicode.");
    }

    public static bool IsWellFormed(string text)
    {
        var span = text.AsSpan();
        var visible = false;
        var invisible = false;
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            if (Rune.IsControl(rune) && rune.Value is not ('\t' or '\n' or '\r'))
            {
                return false;
            }

            if (IsBlankLookalike(rune.Value))
            {
                return false;
            }

            switch (Rune.GetUnicodeCategory(rune))
            {
                case UnicodeCategory.Format when !IsAllowedMark(rune.Value):
                case UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator:
                    return false;
                case UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark:
                    invisible = true;
                    break;
                default:
                    visible |= !Rune.IsWhiteSpace(rune);
                    break;
            }

            span = span[consumed..];
        }

        return visible || !invisible;
    }

    /// <summary>
    /// Characters that show nothing yet are not formatting characters: the combining grapheme joiner and the
    /// fillers and blank patterns other scripts define (Hangul fillers, the blank Braille pattern), which make
    /// names that look alike or look empty.
    /// </summary>
    private static bool IsBlankLookalike(int value) => value is 0x034F or 0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800;

    /// <summary>ZWNJ, ZWJ, LRM, RLM and ALM: the formatting marks correct Arabic and mixed-direction text uses.</summary>
    private static bool IsAllowedMark(int value) => value is 0x200C or 0x200D or 0x200E or 0x200F or 0x061C;
}
