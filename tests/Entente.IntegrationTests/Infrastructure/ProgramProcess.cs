using System.Diagnostics;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>Runs the real program (Entente.Web.dll) as its own process, as an operator would run a verb; and the other tools the tests read output with.</summary>
public static class ProgramProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Entente.Web.dll"));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var (exitCode, output, error) = await RunAsync(start, args);
        return (exitCode, output + error);
    }

    /// <summary>Runs <paramref name="program"/> (pdftotext, pdftoppm…) and returns its standard output; a failure fails the test with its error output.</summary>
    public static async Task<string> ToolAsync(string program, params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(new ProcessStartInfo(program), args);
        Assert.True(exitCode == 0, $"{program} failed: {error}");
        return output;
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(ProcessStartInfo start, string[] args)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
