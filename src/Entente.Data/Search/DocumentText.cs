using System.Text;
using DocumentFormat.OpenXml.Packaging;
using UglyToad.PdfPig;

namespace Entente.Data.Search;

/// <summary>The text of an uploaded file, for search: plain text, Word (DOCX) paragraphs, PDF pages; nothing for other kinds or a file that does not open.</summary>
public static class DocumentText
{
    public static string Extract(byte[] bytes, string mediaType)
    {
        try
        {
            var text = mediaType switch
            {
                _ when mediaType.StartsWith("text/plain", StringComparison.Ordinal) || mediaType == "application/json" => Encoding.UTF8.GetString(bytes),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Word(bytes),
                "application/pdf" => Pdf(bytes),
                _ => string.Empty,
            };
            return text.Length <= SearchIndexing.MaxText ? text : text[..SearchIndexing.MaxText];
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // A file that does not open as what it claims to be is still kept; only its words are not found.
            return string.Empty;
        }
    }

    private static string Word(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var document = WordprocessingDocument.Open(stream, false);
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

    private static string Pdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var text = new StringBuilder();
        foreach (var page in pdf.GetPages())
        {
            text.AppendLine(string.Join(' ', page.GetWords().Select(w => w.Text)));
            if (text.Length > SearchIndexing.MaxText)
            {
                break;
            }
        }

        return text.ToString();
    }
}
