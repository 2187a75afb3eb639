using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class JointStatements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Precedence",
                table: "JointBodyMember",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "JointStatements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    JointBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    TextAr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointStatements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointStatements_JointBodies_JointBodyId",
                        column: x => x.JointBodyId,
                        principalTable: "JointBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_JointStatements_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementApproval",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PartyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AccountId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementApproval", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementApproval_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StatementApproval_JointStatements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "JointStatements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StatementApproval_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_JointStatements_JointBodyId",
                table: "JointStatements",
                column: "JointBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_JointStatements_SessionId",
                table: "JointStatements",
                column: "SessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatementApproval_AccountId",
                table: "StatementApproval",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementApproval_PartyId",
                table: "StatementApproval",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementApproval_StatementId_PartyId",
                table: "StatementApproval",
                columns: new[] { "StatementId", "PartyId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "StatementApproval");

            migrationBuilder.DropTable(
                name: "JointStatements");

            migrationBuilder.DropColumn(
                name: "Precedence",
                table: "JointBodyMember");
        }
    }
}
