using Entente.Data;
using Entente.Data.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Entente.Migrations.Postgres;

/// <summary>Configures <see cref="AppDbContext"/> for PostgreSQL with the migrations of this assembly, its own indexes (<see cref="PostgresModelCustomizer"/>) and its way of searching (<see cref="PostgresSearchMatcher"/>).</summary>
public static class PostgresProvider
{
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string connectionString) =>
        SearchMatcherExtension.Use(
            options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgresProvider).Assembly.GetName().Name))
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCustomizer, PostgresModelCustomizer>(),
            new PostgresSearchMatcher());
}

/// <summary>Used by <c>dotnet ef</c> only (scripts/add-migration.sh); never at run time. No server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        PostgresProvider.Use(options, "Host=localhost;Database=entente_design");
        options.UseIdentitySchema();
        return new AppDbContext(options.Options);
    }
}
