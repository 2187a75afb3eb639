using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ActionItemSearchTextToSearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ActionItems_SearchText",
                table: "ActionItems");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "ActionItems");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "ActionItems",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_SearchText",
                table: "ActionItems",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
