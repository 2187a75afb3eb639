using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SessionPointsAndAgreementHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NextPlaceKind",
                table: "Sessions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextPlaceNameAr",
                table: "Sessions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextPlaceNameEn",
                table: "Sessions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextStartsOn",
                table: "Sessions",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SideAr",
                table: "Parties",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SideEn",
                table: "Parties",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Meetings",
                type: "TEXT",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Engagements",
                type: "TEXT",
                maxLength: 40,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40);

            migrationBuilder.CreateTable(
                name: "AgreementEvent",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    On = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementEvent", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementEvent_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementEvent_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionPoints",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TrackId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AgendaItemId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SaidByPartyId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    TextAr = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    JointBodyId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPoints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SessionPoints_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPoints_JointBodies_JointBodyId",
                        column: x => x.JointBodyId,
                        principalTable: "JointBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPoints_Parties_OwnerPartyId",
                        column: x => x.OwnerPartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPoints_Parties_SaidByPartyId",
                        column: x => x.SaidByPartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPoints_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SessionPoints_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SessionPointLink",
                columns: table => new
                {
                    SessionPointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SessionPointLink", x => new { x.SessionPointId, x.RecordType, x.RecordId });
                    table.ForeignKey(
                        name: "FK_SessionPointLink_SessionPoints_SessionPointId",
                        column: x => x.SessionPointId,
                        principalTable: "SessionPoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvent_AgreementId_Sequence",
                table: "AgreementEvent",
                columns: new[] { "AgreementId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgreementEvent_SessionId",
                table: "AgreementEvent",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPointLink_RecordType_RecordId",
                table: "SessionPointLink",
                columns: new[] { "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_AgendaItemId",
                table: "SessionPoints",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_JointBodyId_Visibility_OwnerPartyId",
                table: "SessionPoints",
                columns: new[] { "JointBodyId", "Visibility", "OwnerPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_OwnerPartyId",
                table: "SessionPoints",
                column: "OwnerPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_SaidByPartyId",
                table: "SessionPoints",
                column: "SaidByPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_SessionId_TrackId_Position",
                table: "SessionPoints",
                columns: new[] { "SessionId", "TrackId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_SessionPoints_TrackId",
                table: "SessionPoints",
                column: "TrackId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementEvent");

            migrationBuilder.DropTable(
                name: "SessionPointLink");

            migrationBuilder.DropTable(
                name: "SessionPoints");

            migrationBuilder.DropColumn(
                name: "NextPlaceKind",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "NextPlaceNameAr",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "NextPlaceNameEn",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "NextStartsOn",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "SideAr",
                table: "Parties");

            migrationBuilder.DropColumn(
                name: "SideEn",
                table: "Parties");

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Meetings",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40,
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "Format",
                table: "Engagements",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 40,
                oldNullable: true);
        }
    }
}
