using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FormerNameGender : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ArabicGender",
                table: "JointBodyFormerName",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ArabicGender",
                table: "JointBodyFormerName");
        }
    }
}
