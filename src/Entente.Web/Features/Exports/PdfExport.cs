using System.Diagnostics;
using Entente.Web.Infrastructure;

namespace Entente.Web.Features.Exports;

/// <summary>
/// PDF by printing the HTML export with headless Chromium: the browser shapes Arabic with
/// HarfBuzz, orders mixed text by the Unicode bidi algorithm and embeds the fonts, which no
/// .NET PDF library served here does for Arabic. Chromium is found at <c>Entente:Chromium</c>
/// or the usual Debian paths; without it, PDF export answers 503 and says what to install.
/// </summary>
public sealed class PdfExport(HtmlExport html, IConfiguration configuration, ILogger<PdfExport> logger)
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public string? ChromiumPath => configuration["Entente:Chromium"] is { Length: > 0 } configured ? configured : Candidates.FirstOrDefault(File.Exists);

    public async Task<byte[]> RenderAsync(PrintDocument document, CancellationToken ct)
    {
        var chromium = ChromiumPath;
        if (chromium is null || !File.Exists(chromium))
        {
            throw new ApiErrorException(new ApiError.Unavailable("PDF export prints with Chromium, which is not installed here: install the 'chromium' package (or set Entente:Chromium to its path). HTML and DOCX exports work without it."));
        }

        var work = Directory.CreateTempSubdirectory("entente-pdf-");
        try
        {
            var source = Path.Combine(work.FullName, "document.html");
            var output = Path.Combine(work.FullName, "document.pdf");
            await File.WriteAllTextAsync(source, html.Render(document), ct);
            var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                "--virtual-time-budget=5000", $"--user-data-dir={Path.Combine(work.FullName, "profile")}", $"--print-to-pdf={output}", new Uri(source).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            var errors = process.StandardError.ReadToEndAsync(ct);
            _ = process.StandardOutput.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("Chromium took longer than 60 s to print the PDF.");
            }

            if (!File.Exists(output))
            {
                logger.LogError("Chromium exited with {Code} without a PDF: {Errors}", process.ExitCode, await errors);
                throw new InvalidOperationException("Chromium did not print the PDF.");
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still hold its profile for a moment; the temporary folder goes with the next clean-up.
            }
        }
    }
}
