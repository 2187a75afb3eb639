using System.Text.RegularExpressions;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Reads exported PDFs back as a person's tools would: pdftotext for the text, pdftoppm for a page to look at (poppler-utils).</summary>
public static partial class PrintedText
{
    /// <summary>Where the extracted text and rendered pages are left for a person to look at.</summary>
    public static string ArtifactDir
    {
        get
        {
            var dir = Environment.GetEnvironmentVariable("ENTENTE_SCREENSHOTS") is { Length: > 0 } env ? env : Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(dir);
            return dir;
        }
    }

    /// <summary>Keeps <paramref name="pdf"/> as an artifact under <paramref name="name"/>, with its text and first page as PNG, and returns the text.</summary>
    public static async Task<string> ExtractAsync(byte[] pdf, string name, bool layout = false)
    {
        var file = Path.Combine(ArtifactDir, name + ".pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        var text = layout ? await ProgramProcess.ToolAsync("pdftotext", "-layout", "-enc", "UTF-8", file, "-") : await ProgramProcess.ToolAsync("pdftotext", "-enc", "UTF-8", file, "-");
        await File.WriteAllTextAsync(Path.Combine(ArtifactDir, name + ".txt"), text, TestContext.Current.CancellationToken);
        await ProgramProcess.ToolAsync("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", file, Path.Combine(ArtifactDir, name));
        Assert.NotEmpty(Directory.GetFiles(ArtifactDir, name + "*.png"));
        return text;
    }

    /// <summary>
    /// The words and numbers of a text, in order, joined by single spaces: what "the same text in
    /// logical order" means for a page. Spaces, line breaks and punctuation are left out because
    /// they are the page's or the extractor's: pdftotext marks each run with directional
    /// embeddings (U+202A–U+202E), puts a space or an Arabic comma next to a number on the wrong
    /// side of the run's edge, and joins a word hyphenated at a line's end ("medium-" + "sized").
    /// </summary>
    public static string Words(string text) => string.Join(' ', Token().Matches(text.Replace("-", string.Empty, StringComparison.Ordinal)).Select(m => m.Value));

    /// <summary>
    /// True when the words of <paramref name="phrase"/> appear in <paramref name="text"/> in their
    /// order, close together: how a table cell's text reads back when pdftotext interleaves the
    /// lines of a row's wrapped cells.
    /// </summary>
    public static bool ContainsInOrder(string text, string phrase)
    {
        var words = Words(text).Split(' ');
        var wanted = Words(phrase).Split(' ');
        var window = (wanted.Length * 4) + 20;
        for (var start = 0; start < words.Length; start++)
        {
            if (words[start] != wanted[0])
            {
                continue;
            }

            var next = 1;
            for (var i = start + 1; i < words.Length && i < start + window && next < wanted.Length; i++)
            {
                if (words[i] == wanted[next])
                {
                    next++;
                }
            }

            if (next == wanted.Length)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}]*|\p{Nd}+")]
    private static partial Regex Token();
}
