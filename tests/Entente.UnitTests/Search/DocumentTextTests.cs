using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Entente.Data.Search;

namespace Entente.UnitTests.Search;

/// <summary>The words search reads in uploaded files: each kind of file, Arabic put back in writing order, and nothing from a file that does not open.</summary>
public sealed class DocumentTextTests
{
    [Theory]
    [InlineData("كرتشم", "مشترك")]
    [InlineData("16ـلا", "الـ16")]
    [InlineData("،2020", "2020،")]
    [InlineData("Kuwait", "Kuwait")]
    [InlineData("COVID-19", "COVID-19")]
    public void AWordAsDrawnInAPdf_IsReadInWritingOrder(string drawn, string written) =>
        Assert.Equal(written, DocumentText.Logical(drawn));

    [Fact]
    public void AWorkbook_IsReadCellByCell()
    {
        using var stream = new MemoryStream();
        using (var book = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = book.AddWorkbookPart();
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Id = "rId1", SheetId = 1, Name = "Figures" }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable(new SharedStringItem(new Text("حجم التبادل التجاري")), new SharedStringItem(new Text("Bilateral trade")));
            var sheet = workbook.AddNewPart<WorksheetPart>("rId1");
            sheet.Worksheet = new Worksheet(new SheetData(new Row(
                new Cell { CellReference = "A1", DataType = CellValues.SharedString, CellValue = new CellValue("0") },
                new Cell { CellReference = "B1", DataType = CellValues.InlineString, InlineString = new InlineString(new Text("Seafood exports")) })));
        }

        var text = DocumentText.Extract(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        Assert.Contains("حجم التبادل التجاري", text, StringComparison.Ordinal);
        Assert.Contains("Bilateral trade", text, StringComparison.Ordinal);
        Assert.Contains("Seafood exports", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOpenDocumentText_IsReadParagraphByParagraph()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("content.xml").Open(), Encoding.UTF8);
            writer.Write("""<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h>محضر الاجتماع</text:h><text:p>The working group met in <text:span>Kuwait City</text:span>.</text:p></office:text></office:body></office:document-content>""");
        }

        var text = DocumentText.Extract(stream.ToArray(), "application/vnd.oasis.opendocument.text");

        Assert.Contains("محضر الاجتماع", text, StringComparison.Ordinal);
        Assert.Contains("The working group met in Kuwait City.", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/pdf")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/vnd.oasis.opendocument.text")]
    [InlineData("image/png")]
    public void AFileThatDoesNotOpenAsItsKind_GivesNoWords(string mediaType) =>
        Assert.Equal(string.Empty, DocumentText.Extract("not what it claims to be"u8.ToArray(), mediaType));

    [Fact]
    public void PlainText_IsReadAsIs_UpToTheMostTaken()
    {
        var text = DocumentText.Extract(Encoding.UTF8.GetBytes(new string('x', SearchIndexing.MaxText + 50)), "text/plain; charset=utf-8");

        Assert.Equal(SearchIndexing.MaxText, text.Length);
    }
}
