using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActionItemSearchTextToSearchEntries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
