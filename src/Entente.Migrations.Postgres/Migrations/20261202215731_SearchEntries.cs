using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    RootId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    JointBodyId = table.Column<Guid>(type: "uuid", nullable: true),
                    TrackId = table.Column<Guid>(type: "uuid", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: true),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    TitleAr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TextAr = table.Column<string>(type: "text", nullable: false),
                    TextEn = table.Column<string>(type: "text", nullable: false),
                    TitleTerms = table.Column<string>(type: "text", nullable: false),
                    BodyTerms = table.Column<string>(type: "text", nullable: false),
                    AnalysisVersion = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchEntries", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_AnalysisVersion",
                table: "SearchEntries",
                column: "AnalysisVersion");

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_JointBodyId_Kind",
                table: "SearchEntries",
                columns: new[] { "JointBodyId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchEntries_RootId",
                table: "SearchEntries",
                column: "RootId");

            // The full-text index over the entries' terms (ADR 0011): a stored tsvector made by the database from
            // the terms (title weighted A, text B) on every write, and a GIN index on it.
            migrationBuilder.Sql("""
                ALTER TABLE "SearchEntries" ADD COLUMN "Vector" tsvector GENERATED ALWAYS AS (
                  setweight(to_tsvector('simple', "TitleTerms"), 'A') || setweight(to_tsvector('simple', "BodyTerms"), 'B')) STORED;
                CREATE INDEX "IX_SearchEntries_Vector" ON "SearchEntries" USING GIN ("Vector");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SearchEntries");
        }
    }
}
