using Entente.Data.Search;
using Entente.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Entente.Migrations.Postgres;

/// <summary>
/// What PostgreSQL adds to the shared model: a trigram (GIN) index on the folded spellings of people's names,
/// which answers a name's <c>LIKE '%part%'</c> without reading every name; and the search entries' stored
/// <c>tsvector</c> of their terms (the title's weighted A, the text's B) under a GIN index that holds each
/// entry's scope beside its terms (<c>btree_gin</c>), so that a search reads only the entries of the bodies it
/// asks for (ADR 0011). SQLite answers search from its FTS5 table instead.
/// </summary>
public sealed class PostgresModelCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
{
    public override void Customize(ModelBuilder modelBuilder, DbContext context)
    {
        base.Customize(modelBuilder, context);
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.Entity<PersonName>().HasIndex(n => n.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        modelBuilder.HasPostgresExtension("btree_gin");
        modelBuilder.Entity<SearchEntry>().Property<NpgsqlTypes.NpgsqlTsVector>(PostgresSearchMatcher.Vector)
            .HasComputedColumnSql("""setweight(to_tsvector('simple', "TitleTerms"), 'A') || setweight(to_tsvector('simple', "BodyTerms"), 'B')""", stored: true);
        modelBuilder.Entity<SearchEntry>().HasIndex(nameof(SearchEntry.ScopeId), PostgresSearchMatcher.Vector).HasMethod("gin");
    }
}
