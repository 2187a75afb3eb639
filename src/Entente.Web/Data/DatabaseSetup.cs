using Entente.Data;
using Entente.Migrations.Postgres;
using Entente.Migrations.Sqlite;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Data;

/// <summary>Which database the program runs on, from configuration.</summary>
/// <param name="IsPostgres">True when <c>ConnectionStrings:Postgres</c> is set.</param>
/// <param name="ConnectionString">The connection string in use.</param>
public sealed record DatabaseChoice(bool IsPostgres, string ConnectionString)
{
    /// <summary>
    /// PostgreSQL when <c>ConnectionStrings__Postgres</c> is set; otherwise SQLite in
    /// <c>entente.db</c> under <c>ENTENTE_DATA_DIR</c> (default <c>./data</c>), created on demand.
    /// </summary>
    public static DatabaseChoice From(IConfiguration configuration)
    {
        var postgres = configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            return new DatabaseChoice(true, postgres);
        }

        var dir = configuration["ENTENTE_DATA_DIR"];
        dir = Path.GetFullPath(string.IsNullOrWhiteSpace(dir) ? "data" : dir);
        Directory.CreateDirectory(dir);
        var sqlite = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dir, "entente.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new DatabaseChoice(false, sqlite.ToString());
    }

    /// <summary>Configures EF Core for the chosen provider.</summary>
    public void Configure(DbContextOptionsBuilder options)
    {
        if (IsPostgres)
        {
            PostgresProvider.Use(options, ConnectionString);
        }
        else
        {
            SqliteProvider.Use(options, ConnectionString);
        }
    }

    /// <summary>A human description without secrets, for logs and the CLI.</summary>
    public string Describe() => IsPostgres
        ? "PostgreSQL " + new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Password = null }.Host
        : "SQLite " + new SqliteConnectionStringBuilder(ConnectionString).DataSource;
}

/// <summary>Registration of the database and the start-up steps that bring it up to date.</summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var choice = DatabaseChoice.From(builder.Configuration);
        builder.Services.AddSingleton(choice);
        builder.Services.AddSingleton(TimeProvider.System);
        // The options are built once (they depend on nothing of a request); each request gets its own context.
        builder.Services.AddDbContext<AppDbContext>(choice.Configure, optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database", tags: ["ready"]);

        // Registered before anything that reads the database at start (the data-protection key
        // ring), so that the schema exists first: hosted services start in registration order.
        builder.Services.AddHostedService<DatabaseStartup>();

        // Key ring in the shared database, so that every instance behind a load balancer reads
        // the cookies and antiforgery tokens the others issue.
        var protection = builder.Services.AddDataProtection().SetApplicationName("Entente").PersistKeysToDbContext<AppDbContext>();

        // At rest, the keys are encrypted with a certificate when one is given (a PKCS #12 file
        // kept outside the database, e.g. a mounted secret); every instance needs the same one.
        if (builder.Configuration["Entente:DataProtection:Certificate"] is { Length: > 0 } certificatePath)
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                certificatePath,
                builder.Configuration["Entente:DataProtection:CertificatePassword"],
                System.Security.Cryptography.X509Certificates.X509KeyStorageFlags.EphemeralKeySet);
            protection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        return builder;
    }

    /// <summary>Applies pending migrations; on SQLite, also turns on write-ahead logging (persistent in the file; SQLite's default synchronous=FULL keeps every acknowledged commit).</summary>
    /// <returns>True when the database had no parties yet (a new database).</returns>
    public static async Task<bool> MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        // Only when a migration is pending: MigrateAsync also compares the model with the last migration's snapshot,
        // which is most of a start's time on a database already up to date.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        return !await db.Parties.AnyAsync(cancellationToken);
    }
}
