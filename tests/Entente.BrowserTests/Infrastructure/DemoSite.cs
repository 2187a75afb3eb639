using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Entente.BrowserTests.Infrastructure;

/// <summary>A demo account as the first run printed it.</summary>
public sealed record DemoAccount(string Email, string Password, string? AuthenticatorKey);

/// <summary>
/// The application as a new user starts it (the README's run command on a new data directory,
/// which loads the reference case and prints the demo accounts once), and Debian's chromium
/// driven by Playwright.
/// </summary>
public sealed partial class DemoSite : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private readonly string _dataDir = Directory.CreateTempSubdirectory("entente-browser-").FullName;
    private Process? _process;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = string.Empty;

    public IReadOnlyDictionary<string, DemoAccount> Accounts { get; private set; } = new Dictionary<string, DemoAccount>();

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The site by name rather than address: WebAuthn refuses IP addresses as relying parties, and allows localhost over plain HTTP.</summary>
    public string LocalhostUrl => BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);

    /// <summary>Where screenshots go (a folder beside the test binaries unless ENTENTE_SCREENSHOTS names one).</summary>
    public static string ScreenshotDir { get; } = Environment.GetEnvironmentVariable("ENTENTE_SCREENSHOTS") is { Length: > 0 } dir
        ? dir
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static string ChromiumPath => Environment.GetEnvironmentVariable("ENTENTE_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's chromium at {ChromiumPath} (apt-get install chromium); .ci/run installs it.");
        }

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        // Started in the web project's folder, as `dotnet run --project src/Entente.Web` does: its wwwroot (styles, fonts, htmx) is served from there.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = WebProjectDir() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Entente.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseUrl);
        start.Environment["ENTENTE_DATA_DIR"] = _dataDir;
        start.Environment["ConnectionStrings__Postgres"] = string.Empty;
        // Every test signs in from 127.0.0.1: the per-address limit of sign-in posts is raised for the suite (its own test runs in the integration tests).
        start.Environment["Entente__SignInAttemptsPerMinute"] = "1000";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The program did not start.");
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The program stopped at start:\n" + Output);
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The program did not become ready:\n" + Output);
            }

            await Task.Delay(250);
        }

        Accounts = AccountLine().Matches(Output).ToDictionary(m => m.Groups[1].Value, m => new DemoAccount(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value == "-" ? null : m.Groups[3].Value));
        if (Accounts.Count != 8)
        {
            throw new InvalidOperationException("The first run did not print the eight demo accounts:\n" + Output);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(ScreenshotDir);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// A new account made as an operator makes one, with the program's <c>users create</c> verb on the site's
    /// database; its generated password is read from what the verb prints. No second factor is enrolled yet.
    /// </summary>
    public async Task<DemoAccount> CreateAccountAsync(string party, bool administrator)
    {
        var email = $"new-{Guid.NewGuid():N}@test.local";
        string[] args = administrator ? ["users", "create", "--email", email, "--party", party, "--admin"] : ["users", "create", "--email", email, "--party", party];
        var (exitCode, output) = await ProgramProcess.RunAsync(new Dictionary<string, string> { ["ENTENTE_DATA_DIR"] = _dataDir, ["ConnectionStrings__Postgres"] = string.Empty }, args);
        var password = CreatedPassword().Match(output);
        Assert.True(exitCode == 0 && password.Success, "users create failed: " + output);
        return new DemoAccount(email, password.Groups[1].Value, null);
    }

    /// <summary>A client of the site's JSON API with a new token of <paramref name="email"/>, made with the program's <c>tokens create</c> verb, for setting up what a test then does in the browser.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var (exitCode, output) = await ProgramProcess.RunAsync(
            new Dictionary<string, string> { ["ENTENTE_DATA_DIR"] = _dataDir, ["ConnectionStrings__Postgres"] = string.Empty },
            "tokens", "create", "--user", email, "--name", "browser test " + Guid.NewGuid().ToString("N")[..8], "--days", "1");
        var token = output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("ent_", StringComparison.Ordinal));
        Assert.True(exitCode == 0 && token is not null, "tokens create failed: " + output);
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A new browser context (its own cookies), as a person at their own computer; the browser asks for <paramref name="locale"/>.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-GB", int width = 1280, int height = 900, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? BaseUrl,
            Locale = locale,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string WebProjectDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "Entente.Web");
            if (File.Exists(Path.Combine(project, "Entente.Web.csproj")))
            {
                return project;
            }
        }

        throw new InvalidOperationException("The browser tests run inside the repository: src/Entente.Web was not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"Password, shown once: (\S+)")]
    private static partial Regex CreatedPassword();

    [GeneratedRegex(@"^\s+(\S+@demo\.local)\s+(\S+)\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}

[CollectionDefinition(Name)]
public sealed class DemoSiteCollection : ICollectionFixture<DemoSite>
{
    public const string Name = "Demo site";
}
