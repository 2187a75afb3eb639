using System.Diagnostics;
using Entente.IntegrationTests.Infrastructure;

namespace Entente.IntegrationTests.Platform;

/// <summary>The operators' verbs, run as a separate process of the real program on a new SQLite database.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "entente-cli-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task Migrate_ThenDemoData_LoadsTheReferenceCase_AndRefusesASecondLoad()
    {
        var migrate = await RunAsync("migrate");
        var load = await RunAsync("demo-data");
        var again = await RunAsync("demo-data");

        Assert.True(migrate.ExitCode == 0, migrate.Output);
        Assert.Contains("empty", migrate.Output, StringComparison.Ordinal);
        Assert.True(load.ExitCode == 0, load.Output);
        Assert.Contains("3 joint bodies, 11 sessions", load.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds data", again.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreate_ThenTokensCreate_PrintsAPasswordOnceAndAToken()
    {
        Assert.Equal(0, (await RunAsync("demo-data")).ExitCode);

        var user = await RunAsync("users", "create", "--email", "analyst.kw@example.test", "--party", "KW");
        var token = await RunAsync("tokens", "create", "--user", "analyst.kw@example.test", "--name", "laptop", "--days", "7");
        var unknown = await RunAsync("tokens", "create", "--user", "nobody@example.test", "--name", "x");
        var twice = await RunAsync("users", "create", "--email", "analyst.kw@example.test", "--party", "KW");

        Assert.True(user.ExitCode == 0, user.Output);
        Assert.Matches("Password, shown once: [A-Za-z0-9]{20}", user.Output);
        Assert.True(token.ExitCode == 0, token.Output);
        Assert.StartsWith("ent_", token.Output, StringComparison.Ordinal);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Equal(1, twice.ExitCode);
    }

    [Fact]
    public async Task PlainRun_OnANewDataDirectory_ServesTheDemoData_AndPrintsTheDemoAccountsOnce()
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Entente.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ENTENTE_DATA_DIR"] = _dataDir;
        start.Environment["ConnectionStrings__Postgres"] = string.Empty;
        using var server = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        server.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        server.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            // Up to two minutes: a first start migrates and loads the demo data, on a machine the other tests keep busy.
            for (var i = 0; i < 240 && !ready && !server.HasExited; i++)
            {
                try
                {
                    ready = (await http.GetAsync("/health/ready", TestContext.Current.CancellationToken)).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet: the database is migrated and loaded before the server opens.
                }

                if (!ready)
                {
                    await Task.Delay(500, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(ready, "The program did not become ready: " + output);
            var token = await RunAsync("tokens", "create", "--user", "secretariat.gb@demo.local", "--name", "smoke");
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Output.Split('\n')[0].Trim());
            var bodies = await http.GetStringAsync("/api/joint-bodies", TestContext.Current.CancellationToken);
            using var anonymous = new HttpClient { BaseAddress = http.BaseAddress };

            Assert.Contains("Kuwait–UK Joint Steering Group", bodies, StringComparison.Ordinal);
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/joint-bodies", TestContext.Current.CancellationToken)).StatusCode);
            lock (output)
            {
                Assert.Matches("secretariat\\.kw@demo\\.local +[A-Za-z0-9]{20}", output.ToString());
                Assert.DoesNotContain("fail:", output.ToString(), StringComparison.Ordinal);
            }
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task UnknownOption_IsRefusedWithNonZeroExit()
    {
        var result = await RunAsync("migrate", "--no-such-option");

        Assert.NotEqual(0, result.ExitCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task Help_ListsTheVerbs_AndStartsNoServer_NorMakesADatabase(string option)
    {
        var result = await RunAsync(option);

        Assert.Equal(0, result.ExitCode);
        foreach (var verb in new[] { "migrate", "demo-data", "audit", "users", "members", "tokens", "plan" })
        {
            Assert.Contains(verb, result.Output, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(Path.Combine(_dataDir, "entente.db")), "Asking for help made a database.");
    }

    [Fact]
    public async Task AMistypedVerb_IsNamedAsUnknown_AndStartsNoServer()
    {
        var result = await RunAsync("migarte");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("migarte", result.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDir, "entente.db")));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        ProgramProcess.RunAsync(new Dictionary<string, string> { ["ENTENTE_DATA_DIR"] = _dataDir, ["ConnectionStrings__Postgres"] = string.Empty }, args);
}
