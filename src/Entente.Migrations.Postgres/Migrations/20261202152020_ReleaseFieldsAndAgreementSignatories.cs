using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Entente.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseFieldsAndAgreementSignatories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Byline",
                table: "Sources",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsOfficial",
                table: "Sources",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsTruncated",
                table: "Sources",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "TranslationOfId",
                table: "Sources",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "HostPartyId",
                table: "Sessions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThemeAr",
                table: "Sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ThemeEn",
                table: "Sessions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostNominals",
                table: "People",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ArabicGender",
                table: "JointBodies",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Frequency",
                table: "JointBodies",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PeriodStart",
                table: "IndicatorValues",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PeriodEnd",
                table: "IndicatorValues",
                type: "date",
                nullable: true,
                oldClrType: typeof(DateOnly),
                oldType: "date");

            migrationBuilder.AddColumn<bool>(
                name: "Each",
                table: "IndicatorValues",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "PartyId",
                table: "IndicatorValues",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Period",
                table: "IndicatorValues",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Qualifier",
                table: "IndicatorValues",
                type: "character varying(40)",
                maxLength: 40,
                nullable: false,
                defaultValue: "Exact");

            migrationBuilder.AddColumn<string>(
                name: "KindLabelAr",
                table: "Engagements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KindLabelEn",
                table: "Engagements",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KindLabelAr",
                table: "Documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "KindLabelEn",
                table: "Documents",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsSilence",
                table: "Claims",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "AgreementInstitution",
                columns: table => new
                {
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Role = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementInstitution", x => new { x.AgreementId, x.InstitutionId, x.Role });
                    table.ForeignKey(
                        name: "FK_AgreementInstitution_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementInstitution_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementSignatory",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    SignedOn = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TitleAr = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    TitleEn = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    PartyId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementSignatory", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_Parties_PartyId",
                        column: x => x.PartyId,
                        principalTable: "Parties",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementSignatory_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "JointBodyNameVariant",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    JointBodyId = table.Column<Guid>(type: "uuid", nullable: false),
                    Language = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Until = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JointBodyNameVariant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_JointBodyNameVariant_JointBodies_JointBodyId",
                        column: x => x.JointBodyId,
                        principalTable: "JointBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PersonHonorific",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    TextAr = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TextEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonHonorific", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonHonorific_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sources_TranslationOfId",
                table: "Sources",
                column: "TranslationOfId");

            migrationBuilder.CreateIndex(
                name: "IX_Sessions_HostPartyId",
                table: "Sessions",
                column: "HostPartyId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorValues_PartyId",
                table: "IndicatorValues",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementInstitution_InstitutionId",
                table: "AgreementInstitution",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_AgreementId",
                table: "AgreementSignatory",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_InstitutionId",
                table: "AgreementSignatory",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_PartyId",
                table: "AgreementSignatory",
                column: "PartyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementSignatory_PersonId",
                table: "AgreementSignatory",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_JointBodyNameVariant_JointBodyId",
                table: "JointBodyNameVariant",
                column: "JointBodyId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonHonorific_PersonId_Position",
                table: "PersonHonorific",
                columns: new[] { "PersonId", "Position" });

            migrationBuilder.AddForeignKey(
                name: "FK_IndicatorValues_Parties_PartyId",
                table: "IndicatorValues",
                column: "PartyId",
                principalTable: "Parties",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Sessions_Parties_HostPartyId",
                table: "Sessions",
                column: "HostPartyId",
                principalTable: "Parties",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Sources_Sources_TranslationOfId",
                table: "Sources",
                column: "TranslationOfId",
                principalTable: "Sources",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            // A document of kind 'other' recorded before kinds had labels says so, so that it is saved again unchanged.
            migrationBuilder.Sql("""
                UPDATE "Documents" SET "KindLabelAr" = 'أخرى', "KindLabelEn" = 'Other' WHERE "Kind" = 'Other' AND "KindLabelAr" IS NULL AND "KindLabelEn" IS NULL;
                UPDATE "IndicatorValues" SET "Qualifier" = 'Exact' WHERE "Qualifier" = '';
                """);

            // A person's one honorific becomes the first of their honorifics before its columns go.
            migrationBuilder.Sql("""
                INSERT INTO "PersonHonorific" ("Id", "PersonId", "Position", "TextAr", "TextEn") SELECT gen_random_uuid(), "Id", 0, COALESCE("HonorificAr", ''), COALESCE("HonorificEn", '') FROM "People" WHERE COALESCE("HonorificAr", '') <> '' OR COALESCE("HonorificEn", '') <> '';
                """);

            migrationBuilder.DropColumn(
                name: "HonorificAr",
                table: "People");

            migrationBuilder.DropColumn(
                name: "HonorificEn",
                table: "People");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IndicatorValues_Parties_PartyId",
                table: "IndicatorValues");

            migrationBuilder.DropForeignKey(
                name: "FK_Sessions_Parties_HostPartyId",
                table: "Sessions");

            migrationBuilder.DropForeignKey(
                name: "FK_Sources_Sources_TranslationOfId",
                table: "Sources");

            migrationBuilder.DropTable(
                name: "AgreementInstitution");

            migrationBuilder.DropTable(
                name: "AgreementSignatory");

            migrationBuilder.DropTable(
                name: "JointBodyNameVariant");

            migrationBuilder.DropTable(
                name: "PersonHonorific");

            migrationBuilder.DropIndex(
                name: "IX_Sources_TranslationOfId",
                table: "Sources");

            migrationBuilder.DropIndex(
                name: "IX_Sessions_HostPartyId",
                table: "Sessions");

            migrationBuilder.DropIndex(
                name: "IX_IndicatorValues_PartyId",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Byline",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "IsOfficial",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "IsTruncated",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "TranslationOfId",
                table: "Sources");

            migrationBuilder.DropColumn(
                name: "HostPartyId",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ThemeAr",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ThemeEn",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "PostNominals",
                table: "People");

            migrationBuilder.DropColumn(
                name: "ArabicGender",
                table: "JointBodies");

            migrationBuilder.DropColumn(
                name: "Frequency",
                table: "JointBodies");

            migrationBuilder.DropColumn(
                name: "Each",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "PartyId",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Period",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Qualifier",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "KindLabelAr",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "KindLabelEn",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "KindLabelAr",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "KindLabelEn",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "IsSilence",
                table: "Claims");

            migrationBuilder.AddColumn<string>(
                name: "HonorificAr",
                table: "People",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "HonorificEn",
                table: "People",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PeriodStart",
                table: "IndicatorValues",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);

            migrationBuilder.AlterColumn<DateOnly>(
                name: "PeriodEnd",
                table: "IndicatorValues",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1),
                oldClrType: typeof(DateOnly),
                oldType: "date",
                oldNullable: true);
        }
    }
}
