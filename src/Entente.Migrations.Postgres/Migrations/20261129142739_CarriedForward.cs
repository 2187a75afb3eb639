using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CarriedForward : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CarriedFromId",
                table: "ActionItems",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActionItems_CarriedFromId",
                table: "ActionItems",
                column: "CarriedFromId");

            migrationBuilder.AddForeignKey(
                name: "FK_ActionItems_ActionItems_CarriedFromId",
                table: "ActionItems",
                column: "CarriedFromId",
                principalTable: "ActionItems",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ActionItems_ActionItems_CarriedFromId",
                table: "ActionItems");

            migrationBuilder.DropIndex(
                name: "IX_ActionItems_CarriedFromId",
                table: "ActionItems");

            migrationBuilder.DropColumn(
                name: "CarriedFromId",
                table: "ActionItems");
        }
    }
}
