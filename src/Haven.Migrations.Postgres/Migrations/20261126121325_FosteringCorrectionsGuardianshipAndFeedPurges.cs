using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FosteringCorrectionsGuardianshipAndFeedPurges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "SupervisionVisits",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "SpecialGuardianships",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedByWorkerId",
                table: "SpecialGuardianships",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "SpecialGuardianships",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupportPlan",
                table: "SpecialGuardianships",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "PermanencePlans",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeregisteredReasonKind",
                table: "FosterHouseholds",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LastPurge",
                table: "DfeFeedSubmissions",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastPurgeAt",
                table: "DfeFeedSubmissions",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CarerTraining",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CarerReviews",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "CarerFeedback",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_SpecialGuardianships_SubmissionId",
                table: "SpecialGuardianships",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermanencePlans_SubmissionId",
                table: "PermanencePlans",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SpecialGuardianships_SubmissionId",
                table: "SpecialGuardianships");

            migrationBuilder.DropIndex(
                name: "IX_PermanencePlans_SubmissionId",
                table: "PermanencePlans");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SupervisionVisits");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "SpecialGuardianships");

            migrationBuilder.DropColumn(
                name: "RecordedByWorkerId",
                table: "SpecialGuardianships");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "SpecialGuardianships");

            migrationBuilder.DropColumn(
                name: "SupportPlan",
                table: "SpecialGuardianships");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "PermanencePlans");

            migrationBuilder.DropColumn(
                name: "DeregisteredReasonKind",
                table: "FosterHouseholds");

            migrationBuilder.DropColumn(
                name: "LastPurge",
                table: "DfeFeedSubmissions");

            migrationBuilder.DropColumn(
                name: "LastPurgeAt",
                table: "DfeFeedSubmissions");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CarerTraining");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CarerReviews");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "CarerFeedback");
        }
    }
}
