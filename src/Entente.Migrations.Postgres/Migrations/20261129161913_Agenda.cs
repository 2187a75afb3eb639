using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Agenda : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TrackId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartsAt = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    DurationMinutes = table.Column<int>(type: "integer", nullable: true),
                    CarriedActionItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    CarriedObstacleId = table.Column<Guid>(type: "uuid", nullable: true),
                    MinutesStatus = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    MinutesAr = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    MinutesEn = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    TitleAr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    JointBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerPartyId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_ActionItems_CarriedActionItemId",
                        column: x => x.CarriedActionItemId,
                        principalTable: "ActionItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_JointBodies_JointBodyId",
                        column: x => x.JointBodyId,
                        principalTable: "JointBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Obstacles_CarriedObstacleId",
                        column: x => x.CarriedObstacleId,
                        principalTable: "Obstacles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Parties_OwnerPartyId",
                        column: x => x.OwnerPartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Sessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "Sessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Tracks_TrackId",
                        column: x => x.TrackId,
                        principalTable: "Tracks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgendaOutcome",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaOutcome", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaOutcome_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinutesApproval",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgendaItemId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false),
                    AccountId = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinutesApproval", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinutesApproval_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MinutesApproval_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MinutesApproval_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_CarriedActionItemId",
                table: "AgendaItems",
                column: "CarriedActionItemId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_CarriedObstacleId",
                table: "AgendaItems",
                column: "CarriedObstacleId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_JointBodyId_Visibility_OwnerPartyId",
                table: "AgendaItems",
                columns: new[] { "JointBodyId", "Visibility", "OwnerPartyId" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId",
                table: "AgendaItems",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_OwnerPartyId",
                table: "AgendaItems",
                column: "OwnerPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_SessionId_MeetingId_Position",
                table: "AgendaItems",
                columns: new[] { "SessionId", "MeetingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_TrackId",
                table: "AgendaItems",
                column: "TrackId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaOutcome_AgendaItemId",
                table: "AgendaOutcome",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesApproval_AccountId",
                table: "MinutesApproval",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_MinutesApproval_AgendaItemId_PartyId",
                table: "MinutesApproval",
                columns: new[] { "AgendaItemId", "PartyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinutesApproval_PartyId",
                table: "MinutesApproval",
                column: "PartyId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgendaOutcome");

            migrationBuilder.DropTable(
                name: "MinutesApproval");

            migrationBuilder.DropTable(
                name: "AgendaItems");
        }
    }
}
