using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Entente.Web.Features.Exports;

/// <summary>
/// A Word document (DocumentFormat.OpenXml): A4; for Arabic, right-to-left paragraphs, sections
/// and tables, and the text split into runs by direction so that Arabic runs are marked
/// right-to-left (complex-script font and language) and Latin words and figures stay
/// left-to-right inside them, as Word's bidi layout expects.
/// </summary>
public static class DocxExport
{
    private const string LatinFont = "Arial";
    /// <summary>
    /// The Arabic of a DOCX is set in Arial, whose Arabic every copy of Word on Windows and macOS has: a document
    /// sent to a ministry opens as it was written there, where a font of our own would be replaced by whatever the
    /// reader's Word picks. (The PDF embeds its own fonts: Amiri for Arabic.)
    /// </summary>
    private const string ArabicFont = "Arial";

    public static byte[] Render(PrintDocument document)
    {
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, ComplexScript = ArabicFont, EastAsia = LatinFont },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "26" },
                    new Languages { Val = "en-GB", Bidi = "ar-KW" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "300", LineRule = LineSpacingRuleValues.Auto }))));

            var body = new Body();
            body.Append(Paragraph(document, document.Title, size: 36, bold: true, color: "1F3A5F"));
            if (document.Subtitle is { } subtitle)
            {
                body.Append(Paragraph(document, subtitle, color: "444444"));
            }

            foreach (var block in document.Blocks)
            {
                switch (block)
                {
                    case PrintHeading h:
                        body.Append(Paragraph(document, h.Text, size: 26, bold: true, color: "1F3A5F"));
                        break;
                    case PrintParagraph p:
                        body.Append(Paragraph(document, p.Text, justify: true));
                        break;
                    case PrintTable t:
                        body.Append(Table(document, t));
                        body.Append(Paragraph(document, string.Empty));
                        break;
                }
            }

            body.Append(Paragraph(document, document.Footer, size: 18, color: "555555"));
            var section = new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1247, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 708U, Footer = 708U, Gutter = 0U });
            if (document.IsRightToLeft)
            {
                section.Append(new BiDi());
            }

            body.Append(section);
            main.Document = new Document(body);
            word.PackageProperties.Title = document.Title;
            word.PackageProperties.Language = document.IsRightToLeft ? "ar-KW" : "en-GB";
            word.PackageProperties.Creator = "Entente";
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(PrintDocument document, string text, int? size = null, bool bold = false, string? color = null, bool justify = false)
    {
        var properties = new ParagraphProperties();
        if (document.IsRightToLeft)
        {
            properties.Append(new BiDi());
        }

        if (justify)
        {
            properties.Append(new Justification { Val = JustificationValues.Both });
        }

        var paragraph = new Paragraph(properties);
        foreach (var (segment, rightToLeft) in Segments(text, document.IsRightToLeft))
        {
            var run = new RunProperties();
            if (bold)
            {
                run.Append(new Bold(), new BoldComplexScript());
            }

            if (color is not null)
            {
                run.Append(new Color { Val = color });
            }

            if (size is { } s)
            {
                run.Append(new FontSize { Val = s.ToString(CultureInfo.InvariantCulture) }, new FontSizeComplexScript { Val = (s + 4).ToString(CultureInfo.InvariantCulture) });
            }

            if (rightToLeft)
            {
                run.Append(new RightToLeftText(), new Languages { Bidi = "ar-KW" });
            }

            paragraph.Append(new Run(run, new Text(segment) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }

    private static Table Table(PrintDocument document, PrintTable table)
    {
        var properties = new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" },
                new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" },
                new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" },
                new RightBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "9AA5B1" }));
        if (document.IsRightToLeft)
        {
            properties.Append(new BiDiVisual());
        }

        var result = new Table(properties);
        result.Append(Row(document, table.Header, header: true));
        foreach (var row in table.Rows)
        {
            result.Append(Row(document, row, header: false));
        }

        return result;
    }

    private static TableRow Row(PrintDocument document, IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            var properties = new TableCellProperties();
            if (header)
            {
                properties.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "E8EDF3", Color = "auto" });
            }

            row.Append(new TableCell(properties, Paragraph(document, cell, size: 20, bold: header)));
        }

        return row;
    }

    /// <summary>
    /// Splits text into runs of one direction as <see cref="Segments(string)"/> does; then the spaces and punctuation
    /// that end a run against the paragraph's direction go back to the paragraph's: in an Arabic paragraph the closing
    /// bracket of «(FCDO)» and the space after it are Arabic text, so that Word neither mirrors the bracket nor drops the
    /// space where the direction changes («23 نوفمبر», not «23نوفمبر»).
    /// </summary>
    public static IEnumerable<(string Text, bool RightToLeft)> Segments(string text, bool paragraphRightToLeft)
    {
        var runs = Segments(text).ToList();
        var result = new List<(string Text, bool RightToLeft)>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (segment, rightToLeft) = runs[i];
            if (rightToLeft == paragraphRightToLeft)
            {
                result.Add((segment, rightToLeft));
                continue;
            }

            // A figure belongs with the words it follows ("COVID-19", "FCDO 2021"): only what comes after the last letter or digit moves.
            var end = segment.Length;
            while (end > 0 && !char.IsLetterOrDigit(segment[end - 1]))
            {
                end--;
            }

            if (end > 0)
            {
                result.Add((segment[..end], rightToLeft));
            }

            if (end < segment.Length)
            {
                result.Add((segment[end..], paragraphRightToLeft));
            }
        }

        // Runs of one direction that now meet are one run again.
        for (var i = result.Count - 1; i > 0; i--)
        {
            if (result[i].RightToLeft == result[i - 1].RightToLeft)
            {
                result[i - 1] = (result[i - 1].Text + result[i].Text, result[i].RightToLeft);
                result.RemoveAt(i);
            }
        }

        return result;
    }

    /// <summary>Splits text into runs of one direction: strong Arabic letters open a right-to-left run, strong Latin letters a left-to-right one; spaces, digits and punctuation stay with the run they are in.</summary>
    public static IEnumerable<(string Text, bool RightToLeft)> Segments(string text)
    {
        if (text.Length == 0)
        {
            yield return (string.Empty, false);
            yield break;
        }

        var start = 0;
        bool? current = null;
        for (var i = 0; i < text.Length; i++)
        {
            var strong = Direction(text[i]);
            if (strong is null || strong == current)
            {
                continue;
            }

            if (current is not null)
            {
                yield return (text[start..i], current.Value);
                start = i;
            }

            current = strong;
        }

        yield return (text[start..], current ?? false);
    }

    private static bool? Direction(char c) => c switch
    {
        // The marks of direction are as strong as the letters they stand for (a right-to-left mark after «KUNA»).
        '\u200F' => true,
        '\u200E' => false,
        >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF' => true,
        _ when char.IsLetter(c) => false,
        _ => null,
    };
}
