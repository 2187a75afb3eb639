using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Entente.Data.Search;

/// <summary>
/// The text of an uploaded file, for search: plain text, Word (DOCX) paragraphs, the cells of a workbook (XLSX),
/// the text of slides (PPTX), an OpenDocument text (ODT), PDF pages in reading order; nothing for images, other
/// kinds or a file that does not open.
/// </summary>
public static class DocumentText
{
    /// <summary>The most characters a part of a zipped file (a Word document's body) is read to: a small file may unzip to a huge one.</summary>
    private const long MaxPartCharacters = 20_000_000;

    private static readonly OpenSettings Limits = new() { MaxCharactersInPart = MaxPartCharacters };

    public static string Extract(byte[] bytes, string mediaType)
    {
        try
        {
            var text = mediaType switch
            {
                _ when mediaType.StartsWith("text/plain", StringComparison.Ordinal) || mediaType == "application/json" => Encoding.UTF8.GetString(bytes),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Word(bytes),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => Sheet(bytes),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation" => Slides(bytes),
                "application/vnd.oasis.opendocument.text" => OpenDocument(bytes),
                "application/pdf" => Pdf(bytes),
                _ => string.Empty,
            };
            text = Clean(text);
            return text.Length <= SearchIndexing.MaxText ? text : text[..SearchIndexing.MaxText];
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A file that does not open as what it claims to be is still kept; only its words are not found.
            return string.Empty;
        }
    }

    /// <summary>
    /// The text without what no database stores as text: NUL and other control characters (a PDF's glyph with no
    /// letter behind it is read as one) and halves of surrogate pairs left alone; line breaks and tabs stay.
    /// </summary>
    public static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\n' or '\r' or '\t'))
            {
                clean.Append(c);
            }
        }

        return clean.ToString();
    }

    private static string Word(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false, Limits);
        var body = document.MainDocumentPart?.Document?.Body;
        if (body is null)
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        foreach (var paragraph in body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>())
        {
            text.AppendLine(paragraph.InnerText);
            if (text.Length > SearchIndexing.MaxText)
            {
                break;
            }
        }

        return text.ToString();
    }

    private static string Sheet(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var workbook = SpreadsheetDocument.Open(stream, false, Limits);
        var text = new StringBuilder();
        foreach (var item in workbook.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<DocumentFormat.OpenXml.Spreadsheet.SharedStringItem>() ?? [])
        {
            text.AppendLine(item.InnerText);
            if (text.Length > SearchIndexing.MaxText)
            {
                return text.ToString();
            }
        }

        foreach (var sheet in workbook.WorkbookPart?.WorksheetParts ?? [])
        {
            foreach (var inline in sheet.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.InlineString>())
            {
                text.AppendLine(inline.InnerText);
                if (text.Length > SearchIndexing.MaxText)
                {
                    return text.ToString();
                }
            }
        }

        return text.ToString();
    }

    private static string Slides(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var presentation = PresentationDocument.Open(stream, false, Limits);
        var text = new StringBuilder();
        foreach (var slide in presentation.PresentationPart?.SlideParts ?? [])
        {
            foreach (var paragraph in slide.Slide.Descendants<DocumentFormat.OpenXml.Drawing.Paragraph>())
            {
                text.AppendLine(paragraph.InnerText);
                if (text.Length > SearchIndexing.MaxText)
                {
                    return text.ToString();
                }
            }
        }

        return text.ToString();
    }

    /// <summary>The paragraphs and headings of an OpenDocument text's <c>content.xml</c>.</summary>
    private static string OpenDocument(byte[] bytes)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes, writable: false));
        var content = zip.GetEntry("content.xml") ?? throw new InvalidDataException("No content.xml.");
        if (content.Length > MaxPartCharacters)
        {
            return string.Empty;
        }

        using var reader = System.Xml.XmlReader.Create(content.Open(), new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, XmlResolver = null });
        var xml = System.Xml.Linq.XDocument.Load(reader);
        System.Xml.Linq.XNamespace text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
        return string.Join('\n', xml.Descendants().Where(e => e.Name == text + "p" || e.Name == text + "h").Select(e => e.Value));
    }

    private static string Pdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            // A PDF holds letters where they are drawn, left to right: an Arabic line is read from its right end, and
            // an Arabic word's letters come reversed. Lines are taken top to bottom and each put back in reading order.
            foreach (var line in page.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom / 2)).OrderByDescending(l => l.Key))
            {
                // Letters drawn in their joined forms (presentation forms) are read as letters first.
                var words = line.Select(w => (w.BoundingBox.Left, Text: SearchAnalysis.Prepare(w.Text))).ToList();
                var arabic = words.Count(w => w.Text.Any(SearchAnalysis.IsArabic)) * 2 > words.Count;
                var ordered = arabic ? words.OrderByDescending(w => w.Left) : words.OrderBy(w => w.Left);
                text.AppendJoin(' ', ordered.Select(w => Logical(w.Text))).AppendLine();
            }

            if (text.Length > SearchIndexing.MaxText)
            {
                break;
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// A word as written from its letters as drawn: runs of Arabic letters reversed, and the runs in reverse order
    /// when the word holds Arabic («16ـﻟا» drawn is «الـ16» written); a word without Arabic is left as it is.
    /// </summary>
    public static string Logical(string drawn)
    {
        if (!drawn.Any(SearchAnalysis.IsArabic))
        {
            return drawn;
        }

        var runs = new List<string>();
        var run = new StringBuilder();
        bool? rightToLeft = null;
        foreach (var c in drawn)
        {
            var rtl = !(char.IsAsciiLetterOrDigit(c) || char.IsDigit(c) || c is '.' or ',' or '%' or '/');
            if (rightToLeft is { } current && current != rtl)
            {
                runs.Add(current ? new string(run.ToString().Reverse().ToArray()) : run.ToString());
                run.Clear();
            }

            rightToLeft = rtl;
            run.Append(c);
        }

        runs.Add(rightToLeft == true ? new string(run.ToString().Reverse().ToArray()) : run.ToString());
        runs.Reverse();
        return string.Concat(runs);
    }
}
