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
    public PrintDocument ForPrint() => this with
    {
        Title = PrintText.Normalize(Title),
        Subtitle = Subtitle is null ? null : PrintText.Normalize(Subtitle),
        Footer = PrintText.Normalize(Footer),
        Blocks = [.. Blocks.Select(b => b switch
        {
            PrintHeading h => new PrintHeading(PrintText.Normalize(h.Text)),
            PrintParagraph p => new PrintParagraph(PrintText.Normalize(p.Text)),
            PrintTable t => new PrintTable([.. t.Header.Select(PrintText.Normalize)], [.. t.Rows.Select(r => (IReadOnlyList<string>)[.. r.Select(PrintText.Normalize)])]),
            _ => b,
        })],
    };

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

    private static bool IsArabicLetter(char c) => c is >= '\u0621' and <= '\u064A' or '\u06CC' or '\u06A9' or '\u06BE';
}
