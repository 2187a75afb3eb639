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
        Assert.Contains("1 joint body, 3 sessions", load.Output, StringComparison.Ordinal);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already holds data", again.Output, StringComparison.Ordinal);
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

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        ProgramProcess.RunAsync(new Dictionary<string, string> { ["ENTENTE_DATA_DIR"] = _dataDir, ["ConnectionStrings__Postgres"] = string.Empty }, args);
}
