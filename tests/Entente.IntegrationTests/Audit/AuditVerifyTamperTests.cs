using System.Data.Common;
using Entente.Domain;
using Entente.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Entente.IntegrationTests.Audit;

/// <summary>
/// <c>audit verify</c>, run as an operator would, on a database loaded with the demo data and then
/// tampered with directly in SQL: each kind of tampering is named by its first bad entry with exit
/// code 1, and once undone the chain verifies again.
/// </summary>
public abstract class AuditVerifyTamperTests : IAsyncLifetime
{
    private const long Target = 40;

    protected Dictionary<string, string> Environment { get; } = [];

    [Fact]
    public async Task Verify_UntouchedChain_IsIntact()
    {
        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Audit chain intact", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedEntry_IsNamed()
    {
        var original = await ScalarAsync($"SELECT \"Actor\" FROM \"AuditEntries\" WHERE \"Sequence\" = {Target}");
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else' WHERE \"Sequence\" = {Target}");

        await AssertBrokenAtAsync(Target, "altered");

        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Actor\" = @v WHERE \"Sequence\" = {Target}", original);
        Assert.Equal(0, (await VerifyAsync()).ExitCode);
    }

    [Fact]
    public async Task Verify_DeletedEntry_IsNamed()
    {
        await ExecuteAsync($"CREATE TABLE \"AuditBackup\" AS SELECT * FROM \"AuditEntries\" WHERE \"Sequence\" = {Target}");
        await ExecuteAsync($"DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = {Target}");

        await AssertBrokenAtAsync(Target, "missing");

        await ExecuteAsync("INSERT INTO \"AuditEntries\" SELECT * FROM \"AuditBackup\"");
        await ExecuteAsync("DROP TABLE \"AuditBackup\"");
        Assert.Equal(0, (await VerifyAsync()).ExitCode);
    }

    [Fact]
    public async Task Verify_EntryInsertedInTheMiddleWithAValidOwnHash_IsNamedAtTheNextEntry()
    {
        var previousHash = (string)(await ScalarAsync($"SELECT \"Hash\" FROM \"AuditEntries\" WHERE \"Sequence\" = {Target - 1}"))!;
        var forged = new AuditEntry
        {
            Sequence = Target,
            At = new DateTime(2020, 11, 23, 12, 0, 0, DateTimeKind.Utc),
            Actor = "intruder",
            EntityType = "Note",
            EntityKey = Guid.NewGuid().ToString("D"),
            Action = AuditAction.Create,
            After = "{\"text\":\"forged\"}",
            PreviousHash = previousHash,
            Hash = string.Empty,
        };
        var hash = AuditChain.ComputeHash(forged);
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" + 1000000 WHERE \"Sequence\" >= {Target}");
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = \"Sequence\" - 1000000 + 1 WHERE \"Sequence\" >= 1000000");
        await ExecuteAsync(
            "INSERT INTO \"AuditEntries\" (\"Sequence\", \"At\", \"Actor\", \"EntityType\", \"EntityKey\", \"Visibility\", \"Action\", \"After\", \"PreviousHash\", \"Hash\") " +
            $"VALUES ({Target}, @at, 'intruder', 'Note', '{forged.EntityKey}', 'Joint', 'Create', '{{\"text\":\"forged\"}}', '{previousHash}', '{hash}')",
            forged.At);

        await AssertBrokenAtAsync(Target + 1, "does not follow");
    }

    [Fact]
    public async Task Verify_TwoEntriesSwapped_IsNamed()
    {
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = -1 WHERE \"Sequence\" = {Target}");
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = {Target} WHERE \"Sequence\" = {Target + 1}");
        await ExecuteAsync($"UPDATE \"AuditEntries\" SET \"Sequence\" = {Target + 1} WHERE \"Sequence\" = -1");

        await AssertBrokenAtAsync(Target, "does not follow");
    }

    /// <summary>A new database with the demo data, loaded in this process (only the verification runs as a process).</summary>
    public async ValueTask InitializeAsync()
    {
        await PrepareAsync();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
            .Build();
        var options = new Microsoft.EntityFrameworkCore.DbContextOptionsBuilder<Entente.Data.AppDbContext>();
        Entente.Web.Data.DatabaseChoice.From(configuration).Configure(options);
        Entente.Data.IdentitySchema.UseIdentitySchema(options);
        await using var db = new Entente.Data.AppDbContext(options.Options, actor: new Entente.Data.SystemActor("tests"));
        await Entente.Web.Data.DatabaseSetup.MigrateAsync(db, TestContext.Current.CancellationToken);
        await Entente.Web.Features.DemoData.ReferenceCase.LoadAsync(db, TestContext.Current.CancellationToken);
    }

    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    /// <summary>Points <see cref="Environment"/> at a new, empty database.</summary>
    protected abstract Task PrepareAsync();

    protected abstract DbConnection Connect();

    private Task<(int ExitCode, string Output)> VerifyAsync() => ProgramProcess.RunAsync(Environment, "audit", "verify");

    private async Task AssertBrokenAtAsync(long sequence, string reason)
    {
        var result = await VerifyAsync();

        Assert.True(result.ExitCode == 1, result.Output);
        Assert.Contains($"BROKEN at entry {sequence}:", result.Output, StringComparison.Ordinal);
        Assert.Contains(reason, result.Output, StringComparison.Ordinal);
    }

    private async Task ExecuteAsync(string sql, object? value = null)
    {
        await using var connection = Connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddValue(command, sql, value);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = Connect();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    private static void AddValue(DbCommand command, string sql, object? value)
    {
        foreach (var name in new[] { "@v", "@at" }.Where(n => sql.Contains(n, StringComparison.Ordinal)))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }
}

public sealed class AuditVerifyTamperTestsOnSqlite : AuditVerifyTamperTests
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "entente-audit-" + Guid.NewGuid().ToString("N")[..8]);

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        return base.DisposeAsync();
    }

    protected override Task PrepareAsync()
    {
        Environment["ENTENTE_DATA_DIR"] = _dir;
        Environment["ConnectionStrings__Postgres"] = string.Empty;
        return Task.CompletedTask;
    }

    protected override DbConnection Connect() => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_dir, "entente.db")};Pooling=False");
}

public sealed class AuditVerifyTamperTestsOnPostgres : AuditVerifyTamperTests
{
    private string? _connectionString;

    protected override async Task PrepareAsync()
    {
        var server = await PostgresServer.GetAsync();
        if (server is null)
        {
            Assert.Skip(PostgresServer.Unavailable!);
        }

        _connectionString = await server.CreateDatabaseAsync();
        Environment["ConnectionStrings__Postgres"] = _connectionString;
    }

    protected override DbConnection Connect() => new NpgsqlConnection(_connectionString);
}
