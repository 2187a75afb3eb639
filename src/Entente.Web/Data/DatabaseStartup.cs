using Entente.Data;
using Entente.Web.Features.DemoData;

namespace Entente.Web.Data;

/// <summary>
/// Brings the database up to date when the program starts, and on a new database loads the
/// reference demo data (unless <c>ENTENTE_DEMO_DATA</c> is <c>false</c>).
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, DatabaseChoice database, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var isNew = await DatabaseSetup.MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database ready: {Database}", database.Describe());
        await scope.ServiceProvider.GetRequiredService<Features.Signatures.SigningKeys>().EnsureAuthorityAsync(cancellationToken);
        if (isNew && !string.Equals(configuration["ENTENTE_DEMO_DATA"], "false", StringComparison.OrdinalIgnoreCase))
        {
            await ReferenceCase.LoadAsync(db, cancellationToken);
            DemoAccounts.Print(await scope.ServiceProvider.GetRequiredService<DemoAccounts>().CreateAsync(cancellationToken), Console.Out);
            logger.LogInformation("New database: loaded the reference demo data (Kuwait–UK Joint Steering Group) and its demo accounts.");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
