using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "ActionItems");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "DocumentContents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "SearchEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RootId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    JointBodyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ScopeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateParts = table.Column<int>(type: "INTEGER", nullable: false),
                    TitleAr = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextAr = table.Column<string>(type: "TEXT", nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", nullable: false),
                    TitleTerms = table.Column<string>(type: "TEXT", nullable: false),
                    BodyTerms = table.Column<string>(type: "TEXT", nullable: false),
                    AnalysisVersion = table.Column<int>(type: "INTEGER", nullable: false)
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

            // The full-text index over the entries' terms (ADR 0011): FTS5 reads the terms from the table
            // itself (external content) and triggers keep it in step in the same transaction as every write.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "SearchIndex" USING fts5("TitleTerms", "BodyTerms", content='SearchEntries', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER "SearchEntries_ai" AFTER INSERT ON "SearchEntries" BEGIN
                  INSERT INTO "SearchIndex"(rowid, "TitleTerms", "BodyTerms") VALUES (new."Id", new."TitleTerms", new."BodyTerms");
                END;
                CREATE TRIGGER "SearchEntries_ad" AFTER DELETE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchIndex"("SearchIndex", rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms");
                END;
                CREATE TRIGGER "SearchEntries_au" AFTER UPDATE ON "SearchEntries" BEGIN
                  INSERT INTO "SearchIndex"("SearchIndex", rowid, "TitleTerms", "BodyTerms") VALUES ('delete', old."Id", old."TitleTerms", old."BodyTerms");
                  INSERT INTO "SearchIndex"(rowid, "TitleTerms", "BodyTerms") VALUES (new."Id", new."TitleTerms", new."BodyTerms");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "SearchEntries_ai";
                DROP TRIGGER IF EXISTS "SearchEntries_ad";
                DROP TRIGGER IF EXISTS "SearchEntries_au";
                DROP TABLE IF EXISTS "SearchIndex";
                """);

            migrationBuilder.DropTable(
                name: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "DocumentContents");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ActionItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
