using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entente.Migrations.Postgres;

/// <summary>
/// What PostgreSQL adds to the shared model: trigram (GIN) indexes on the folded search texts of
/// people's names and action items, which answer the <c>LIKE '%word%'</c> searches of the API
/// without reading every row. SQLite has no such index and scans, which its sizes allow.
/// </summary>
public sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<PersonName>().HasIndex(n => n.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}
