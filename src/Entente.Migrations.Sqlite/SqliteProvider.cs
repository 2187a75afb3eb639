using Entente.Data;
using Entente.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Entente.Migrations.Sqlite;

/// <summary>Configures <see cref="AppDbContext"/> for SQLite with the migrations of this assembly and its way of searching (<see cref="SqliteSearchMatcher"/>).</summary>
public static class SqliteProvider
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        SearchMatcherExtension.Use(
            options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteProvider).Assembly.GetName().Name)).AddInterceptors(RankFunction),
            new SqliteSearchMatcher());

    private static readonly SqliteSearchMatcher.RankFunction RankFunction = new();
}

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh); never at run time.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        SqliteProvider.Use(options, "Data Source=design-time.db");
        options.UseIdentitySchema();
        return new AppDbContext(options.Options);
    }
}
