namespace Entente.Web.Features.Exports;

/// <summary>One block of a printed document.</summary>
public abstract record PrintBlock;

public sealed record PrintHeading(string Text) : PrintBlock;

public sealed record PrintParagraph(string Text) : PrintBlock;

public sealed record PrintTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows) : PrintBlock;

/// <summary>
/// A document to export (a joint statement, an action plan, an agenda, minutes) in one language,
/// independent of the format: the HTML, DOCX and PDF exports all render this one model, so they
/// say the same thing in the same order.
/// </summary>
/// <param name="Language"><c>ar</c> (right to left) or <c>en</c>.</param>
/// <param name="FileName">The file name without its extension.</param>
public sealed record PrintDocument(string Language, string Title, string? Subtitle, IReadOnlyList<PrintBlock> Blocks, string Footer, string FileName)
{
    public bool IsRightToLeft => Language == "ar";

    /// <summary>
    /// A text in the document's language (<paramref name="language"/>); when that language is still
    /// to come, the other one, marked as awaiting its translation, never a blank where the text goes.
    /// </summary>
    public static string Pick(string? ar, string? en, string language)
    {
        var arabic = language == "ar";
        var (own, other) = arabic ? (ar, en) : (en, ar);
        if (!string.IsNullOrWhiteSpace(own))
        {
            return own;
        }

        return string.IsNullOrWhiteSpace(other) ? string.Empty : $"{other} ({(arabic ? "بانتظار الترجمة" : "translation pending")})";
    }

    /// <summary>
    /// The document with its texts as they are printed (<see cref="PrintText.Normalize"/>): what was typed or pasted in
    /// other forms of the same letters reads, prints and is extracted as the letters themselves.
    /// </summary>
    public PrintDocument ForPrint()
    {
        string Print(string text) => IsRightToLeft ? PrintText.MarkRanges(PrintText.Normalize(text)) : PrintText.Normalize(text);
        return this with
        {
            Title = Print(Title),
            Subtitle = Subtitle is null ? null : Print(Subtitle),
            Footer = Print(Footer),
            Blocks = [.. Blocks.Select(b => b switch
            {
                PrintHeading h => new PrintHeading(Print(h.Text)),
                PrintParagraph p => new PrintParagraph(Print(p.Text)),
                PrintTable t => new PrintTable([.. t.Header.Select(Print)], [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(Print)])]),
                _ => b,
            })],
        };
    }

    /// <summary>The paragraphs of a text whose paragraphs are separated by blank lines.</summary>
    public static IEnumerable<PrintBlock> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => new PrintParagraph(p));
}

/// <summary>The export formats.</summary>
public enum ExportFormat
{
    Html,
    Docx,
    Pdf,
}

/// <summary>Text made ready for print: one form for each letter, whatever keyboard or PDF it came from.</summary>
public static class PrintText
{
    /// <summary>
    /// Arabic presentation forms and other compatibility characters pasted from PDFs become the letters they show
    /// (NFKC); the Farsi yeh, kaf and heh of a Persian keyboard become the Arabic letters (ي ك ه); a tatweel that only
    /// stretches a word between two letters goes («الكـويت» → «الكويت»), while one that joins the article to a
    /// number stays («الـ16»).
    /// </summary>
    public static string Normalize(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var normal = text.Normalize(System.Text.NormalizationForm.FormKC);
        var builder = new System.Text.StringBuilder(normal.Length);
        for (var i = 0; i < normal.Length; i++)
        {
            var c = normal[i];
            switch (c)
            {
                case '\u06CC':
                    builder.Append('\u064A');
                    break;
                case '\u06A9':
                    builder.Append('\u0643');
                    break;
                case '\u06BE':
                    builder.Append('\u0647');
                    break;
                case '\u0640' when i > 0 && i + 1 < normal.Length && IsArabicLetter(builder.Length > 0 ? builder[^1] : ' ') && (IsArabicLetter(normal[i + 1]) || normal[i + 1] == '\u0640'):
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// In a right-to-left text, a dash of a range next to a number («١–٥», «2019 – 2020», «سبتمبر 2019 – أغسطس 2020») gets a
    /// right-to-left mark on each side. The page looks the same (beside a number in a right-to-left line the dash is read
    /// right to left already), but a text extractor that keeps a run of digits and dashes in its visual order (pdftotext,
    /// copy and paste) then reads the range from its first number, not backwards («٥–١»). Nothing changes where the
    /// number follows a Latin word (its digits then read left to right, and a mark would move them) or in a text that
    /// starts in Latin letters (its own direction is left to right).
    /// </summary>
    public static string MarkRanges(string text)
    {
        if (string.IsNullOrEmpty(text) || text.IndexOf('\u2013', StringComparison.Ordinal) < 0 || !StartsRightToLeft(text))
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\u2013' && (NumberBeside(text, i, -1) || NumberBeside(text, i, +1)) && StrongBefore(text, i) is not 'L')
            {
                builder.Append('\u200F').Append(c).Append('\u200F');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool IsDigit(char c) => c is (>= '0' and <= '9') or (>= '\u0660' and <= '\u0669') or (>= '\u06F0' and <= '\u06F9');

    /// <summary>Whether the first character on one side of <paramref name="at"/>, past spaces, is a digit.</summary>
    private static bool NumberBeside(string text, int at, int step)
    {
        for (var i = at + step; i >= 0 && i < text.Length; i += step)
        {
            if (text[i] is ' ' or '\u00A0')
            {
                continue;
            }

            return IsDigit(text[i]);
        }

        return false;
    }

    /// <summary>The direction of the nearest letter before <paramref name="at"/>: 'R' (Arabic), 'L' (any other letter) or none.</summary>
    private static char? StrongBefore(string text, int at)
    {
        for (var i = at - 1; i >= 0; i--)
        {
            if (IsArabicLetter(text[i]) || text[i] == '\u200F')
            {
                return 'R';
            }

            if (char.IsLetter(text[i]) || text[i] == '\u200E')
            {
                return 'L';
            }
        }

        return null;
    }

    private static bool StartsRightToLeft(string text)
    {
        foreach (var c in text)
        {
            if (IsArabicLetter(c) || c == '\u200F')
            {
                return true;
            }

            if (char.IsLetter(c) || c == '\u200E')
            {
                return false;
            }
        }

        return true; // no letter at all: a number or a range alone, in a right-to-left document
    }

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or '\u06CC' or '\u06A9' or '\u06BE';
}
