using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Entente.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server the PostgreSQL leg runs against: the one named by
/// <c>ENTENTE_TEST_POSTGRES</c> (as <c>.ci/run</c> starts it), otherwise a throwaway cluster
/// started here from the machine's PostgreSQL binaries. Without either, the leg is skipped,
/// loudly, except under <c>CI=true</c>, where it fails.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgresServer? _shared;
    private readonly string? _dataDir;
    private readonly string[] _asUser;
    private readonly string? _binDir;

    private PostgresServer(string connectionString, string? dataDir = null, string? binDir = null, string[]? asUser = null)
    {
        AdminConnectionString = connectionString;
        _dataDir = dataDir;
        _binDir = binDir;
        _asUser = asUser ?? [];
    }

    /// <summary>A connection string with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Why the PostgreSQL leg cannot run here, or null when it can.</summary>
    public static string? Unavailable { get; private set; }

    public static async Task<PostgresServer?> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_shared is not null || Unavailable is not null)
            {
                return _shared;
            }

            var given = Environment.GetEnvironmentVariable("ENTENTE_TEST_POSTGRES");
            if (!string.IsNullOrWhiteSpace(given))
            {
                _shared = new PostgresServer(given);
            }
            else if (FindBinaries() is { } bin)
            {
                _shared = await StartClusterAsync(bin);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _shared?.StopCluster();
            }
            else
            {
                Unavailable = "PostgreSQL leg SKIPPED: no PostgreSQL binaries (initdb, pg_ctl) found and ENTENTE_TEST_POSTGRES is not set. Install the 'postgresql' package to run it.";
                TestContext.Current.SendDiagnosticMessage("!!!!! " + Unavailable + " !!!!!");
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException("CI=true requires the PostgreSQL leg, but " + Unavailable);
                }
            }

            return _shared;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Creates a fresh database for one test application and returns its connection string.</summary>
    /// <summary>
    /// A new, empty database of the character classification <paramref name="ctype"/>: C.UTF-8 unless
    /// another is asked for, whatever the server's default, so that Arabic makes trigrams as in production.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string ctype = "C.UTF-8")
    {
        var name = "entente_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE template0 LC_CTYPE '{ctype}'", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ToString();
    }

    public ValueTask DisposeAsync()
    {
        StopCluster();
        return ValueTask.CompletedTask;
    }

    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql").OrderDescending().Select(d => Path.Combine(d, "bin")));
        }

        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries));
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static async Task<PostgresServer> StartClusterAsync(string bin)
    {
        var dir = Path.Combine(Path.GetTempPath(), "entente-pg-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);

        // PostgreSQL refuses to run as root: there, run it as the 'postgres' user the package creates.
        string[] asUser = Environment.UserName == "root" ? ["runuser", "-u", "postgres", "--"] : [];
        if (asUser.Length > 0)
        {
            await RunAsync(["chown", "postgres:postgres", dir]);
        }

        var port = FreePort();
        await RunAsync([.. asUser, Path.Combine(bin, "initdb"), "-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--lc-ctype=C.UTF-8", "--no-sync"]);
        await RunAsync([.. asUser, Path.Combine(bin, "pg_ctl"), "-D", dir, "-w", "-l", Path.Combine(dir, "server.log"),
            "-o", $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200", "start"]);
        var connection = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
        return new PostgresServer(connection, dir, bin, asUser);
    }

    private void StopCluster()
    {
        if (_dataDir is null || _binDir is null || !Directory.Exists(_dataDir))
        {
            return;
        }

        try
        {
            RunAsync([.. _asUser, Path.Combine(_binDir, "pg_ctl"), "-D", _dataDir, "-m", "immediate", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the temporary folder is left for the operating system to clean.
        }
    }

    private static async Task RunAsync(string[] command)
    {
        var start = new ProcessStartInfo(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in command.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {command[0]}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
