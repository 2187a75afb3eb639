using Entente.Data;
using Entente.Web.Infrastructure;
using Entente.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Entente.Web.Data;

/// <summary>
/// Brings the database up to date when the program starts, then runs the start-up work the features
/// registered (<see cref="IStartupWork"/>), as the program itself.
/// </summary>
public sealed class DatabaseStartup(IServiceProvider services, DatabaseChoice database, ILogger<DatabaseStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateSystemScope("system");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var isNew = await DatabaseSetup.MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database ready: {Database}", database.Describe());
        await WarnIfArabicSearchCannotUseItsIndexAsync(db, cancellationToken);
        await FoldSearchTextAsync(db, cancellationToken);
        foreach (var work in scope.ServiceProvider.GetServices<IStartupWork>().OrderBy(w => w.Order))
        {
            await work.RunAsync(scope.ServiceProvider, isNew, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// On PostgreSQL, the trigram index of people's names (what a name half typed is found by) sees Arabic
    /// letters as letters only under a UTF-8 character classification (LC_CTYPE such as C.UTF-8); under C
    /// it makes no trigrams of an Arabic word, and such a lookup reads the whole index. Said once at start.
    /// </summary>
    private async Task WarnIfArabicSearchCannotUseItsIndexAsync(AppDbContext db, CancellationToken ct)
    {
        if (!database.IsPostgres)
        {
            return;
        }

        var ctype = await db.Database.SqlQueryRaw<string>("SELECT datctype AS \"Value\" FROM pg_database WHERE datname = current_database()").SingleAsync(ct);
        if (!ctype.Contains("UTF-8", StringComparison.OrdinalIgnoreCase) && !ctype.Contains("UTF8", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning(
                "The PostgreSQL database has LC_CTYPE '{Ctype}': its trigram index of names makes nothing of Arabic words, so looking up part of an Arabic name reads every name. Create the database with a UTF-8 LC_CTYPE (CREATE DATABASE … TEMPLATE template0 LC_CTYPE 'C.UTF-8') and restore into it.",
                ctype);
        }
    }

    /// <summary>
    /// Rows saved before search text was kept (a database from an earlier version) get it now.
    /// It is derived from the row's own text, so it is written directly: no new version, no audit entry.
    /// </summary>
    private async Task FoldSearchTextAsync(AppDbContext db, CancellationToken ct)
    {
        var names = await db.Set<Entente.Domain.PersonName>().Where(n => n.SearchText == string.Empty).Select(n => new { n.Id, n.Text }).ToListAsync(ct);
        foreach (var name in names)
        {
            var folded = Entente.Domain.SearchText.Fold(name.Text);
            await db.Set<Entente.Domain.PersonName>().Where(n => n.Id == name.Id).ExecuteUpdateAsync(s => s.SetProperty(n => n.SearchText, folded), ct);
        }

        if (names.Count > 0)
        {
            logger.LogInformation("Search text folded for {Names} names saved by an earlier version.", names.Count);
        }
    }
}
