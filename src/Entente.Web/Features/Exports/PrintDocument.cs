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
