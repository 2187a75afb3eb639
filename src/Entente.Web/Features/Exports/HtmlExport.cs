using System.Net;
using System.Text;

namespace Entente.Web.Features.Exports;

/// <summary>
/// A print-ready, self-contained HTML file: A4 pages, the document's direction and language
/// set on the root, and the program's own Arabic and Latin fonts embedded, so that it prints
/// the same anywhere (and is what the PDF export prints).
/// </summary>
public sealed class HtmlExport(IWebHostEnvironment environment)
{
    /// <summary>
    /// The Arabic face of printed documents is Amiri, as Debian ships it (full, hinted TrueType), chosen by
    /// reading printed PDFs back: with the Noto Arabic faces (and the pages' web subsets) a text extractor
    /// (pdftotext, a screen reader, copy and paste) splits every word that carries a shadda or a damma;
    /// with Amiri the words come back whole (<c>ExportFontTests</c>; lib/README.md).
    /// </summary>
    private static readonly (string File, string Family, int Weight, string Format)[] Fonts =
    [
        ("Amiri-Regular.ttf", "Amiri", 400, "truetype"),
        ("Amiri-Bold.ttf", "Amiri", 700, "truetype"),
        ("noto-sans-latin-400-normal.woff2", "Noto Sans", 400, "woff2"),
        ("noto-sans-latin-700-normal.woff2", "Noto Sans", 700, "woff2"),
    ];

    private string? _fontFaces;

    public string Render(PrintDocument document)
    {
        var html = new StringBuilder();
        var dir = document.IsRightToLeft ? "rtl" : "ltr";
        html.Append("<!DOCTYPE html>\n<html lang=\"").Append(document.Language).Append("\" dir=\"").Append(dir).Append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(Encode(document.Title)).Append("</title>\n<style>\n").Append(FontFaces()).Append(Style).Append(PageMargins(document)).Append("</style>\n</head>\n<body>\n<header>\n<h1>")
            .Append(Encode(document.Title)).Append("</h1>\n");
        if (document.Subtitle is { } subtitle)
        {
            html.Append("<p class=\"subtitle\">").Append(Encode(subtitle)).Append("</p>\n");
        }

        html.Append("</header>\n<main>\n");
        foreach (var block in document.Blocks)
        {
            switch (block)
            {
                case PrintHeading h:
                    html.Append("<h2>").Append(Encode(h.Text)).Append("</h2>\n");
                    break;
                case PrintParagraph p:
                    html.Append("<p>").Append(Encode(p.Text).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
                    break;
                case PrintTable t:
                    html.Append("<table>\n<thead><tr>");
                    foreach (var cell in t.Header)
                    {
                        html.Append("<th scope=\"col\">").Append(Encode(cell)).Append("</th>");
                    }

                    html.Append("</tr></thead>\n<tbody>\n");
                    foreach (var row in t.Rows)
                    {
                        html.Append("<tr>");
                        foreach (var cell in row)
                        {
                            html.Append(IsDate(cell) ? "<td class=\"date\">" : "<td dir=\"auto\">").Append(Encode(cell)).Append("</td>");
                        }

                        html.Append("</tr>\n");
                    }

                    html.Append("</tbody>\n</table>\n");
                    break;
            }
        }

        html.Append("</main>\n<footer>").Append(Encode(document.Footer)).Append("</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static bool IsDate(string cell) => cell.Length == 10 && DateOnly.TryParseExact(cell, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);

    private string FontFaces()
    {
        if (_fontFaces is not null)
        {
            return _fontFaces;
        }

        var css = new StringBuilder();
        foreach (var (file, family, weight, format) in Fonts)
        {
            var info = environment.WebRootFileProvider.GetFileInfo("lib/fonts/" + file);
            if (!info.Exists)
            {
                continue;
            }

            using var stream = info.CreateReadStream();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            css.Append("@font-face { font-family: \"").Append(family).Append("\"; font-weight: ").Append(weight)
                .Append("; src: url(data:font/").Append(format == "truetype" ? "ttf" : format).Append(";base64,").Append(Convert.ToBase64String(buffer.ToArray()))
                .Append(") format(\"").Append(format).Append("\"); }\n");
        }

        return _fontFaces = css.ToString();
    }

    /// <summary>
    /// What every printed page carries in its margins: the document's title at the top and its page of all
    /// pages at the bottom, so that a page found alone says what it belongs to and where.
    /// </summary>
    private static string PageMargins(PrintDocument document)
    {
        var title = new string([.. document.Title.Where(c => !char.IsControl(c))]).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
            // Inside a style element: no '<' may close it, whatever a title holds.
            .Replace("<", "\\3C ", StringComparison.Ordinal).Replace(">", "\\3E ", StringComparison.Ordinal);
        var of = document.IsRightToLeft ? "من" : "of";
        return $$"""
            @page {
              @top-center { content: "{{title}}"; font-size: 8.5pt; color: #555; }
              @bottom-center { content: counter(page) " {{of}} " counter(pages); font-size: 9pt; color: #333; }
            }

            """;
    }

    private const string Style = """
        @page { size: A4; margin: 22mm 20mm 20mm; }
        html { font-family: "Amiri", "Noto Sans", serif; font-size: 13pt; line-height: 1.6; color: #111; }
        html[lang="en"] { font-family: "Noto Sans", "Amiri", sans-serif; font-size: 11pt; }
        /* Required Arabic ligatures (lam-alef) stay; the optional ones (the Allah ligature inside a name such as الجارالله) go, so that the printed text reads back as it was written. */
        html { font-variant-ligatures: no-common-ligatures no-discretionary-ligatures; }
        /* Amiri's kerning tucks a yeh under a reh («البريطانية»), which text extractors then read as two words; printed without it, the words read back whole. */
        html { font-kerning: none; }
        body { margin: 0; }
        header { border-block-end: 2px solid #1f3a5f; margin-block-end: 1.2em; padding-block-end: .4em; }
        h1 { font-size: 1.5em; margin: 0 0 .2em; color: #1f3a5f; }
        h2 { font-size: 1.15em; margin: 1.2em 0 .4em; color: #1f3a5f; break-after: avoid; }
        .subtitle { margin: 0; color: #444; }
        p { margin: 0 0 .8em; text-align: start; orphans: 3; widows: 3; }
        table { border-collapse: collapse; inline-size: 100%; font-size: .92em; }
        th, td { border: 1px solid #9aa5b1; padding: .3em .45em; text-align: start; vertical-align: top; }
        th { background: #e8edf3; }
        td.date { white-space: nowrap; direction: ltr; }
        tr { break-inside: avoid; }
        td:empty { block-size: 3.2em; min-inline-size: 8em; }
        footer { margin-block-start: 2em; font-size: .85em; color: #555; border-block-start: 1px solid #ccc; padding-block-start: .4em; }

        """;
}
