using System.Text;

namespace Entente.Domain;

/// <summary>
/// What any stored text must be: well-formed Unicode (no lone surrogates) without control
/// characters other than tab and line breaks. PostgreSQL refuses U+0000 outright, and a lone
/// surrogate cannot be encoded in UTF-8, so such text is refused before it reaches a database.
/// </summary>
public static class TextRules
{
    public static IEnumerable<RuleError> Check(string? text, string field)
    {
        if (text is null || IsWellFormed(text))
        {
            yield break;
        }

        yield return new RuleError(RuleCodes.InvalidText, field, $"'{field}' holds a control character or malformed Unicode.");
    }

    public static bool IsWellFormed(string text)
    {
        var span = text.AsSpan();
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

            span = span[consumed..];
        }

        return true;
    }
}
