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
