using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FosteringFormsAndPlanLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "SupervisionVisits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "RecruitmentEnquiries",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "PermanencePlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "PathwayPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "GuardianSupport",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedByWorkerId",
                table: "GuardianSupport",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "GuardianSupport",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "FosterHouseholds",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerTraining",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerReviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerFeedback",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FosteringCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    Field = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    After = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FosteringCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FosteringCorrections_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FosteringCorrections_RecruitmentEnquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "RecruitmentEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_SubmissionId",
                table: "SupervisionVisits",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecruitmentEnquiries_SubmissionId",
                table: "RecruitmentEnquiries",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermanencePlans_PlanId",
                table: "PermanencePlans",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayPlans_PlanId",
                table: "PathwayPlans",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianSupport_SubmissionId",
                table: "GuardianSupport",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FosterHouseholds_SubmissionId",
                table: "FosterHouseholds",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarerTraining_SubmissionId",
                table: "CarerTraining",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarerReviews_SubmissionId",
                table: "CarerReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CarerFeedback_SubmissionId",
                table: "CarerFeedback",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FosteringCorrections_EnquiryId",
                table: "FosteringCorrections",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_FosteringCorrections_HouseholdId",
                table: "FosteringCorrections",
                column: "HouseholdId");

            migrationBuilder.AddForeignKey(
                name: "FK_PathwayPlans_Plans_PlanId",
                table: "PathwayPlans",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_PermanencePlans_Plans_PlanId",
                table: "PermanencePlans",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PathwayPlans_Plans_PlanId",
                table: "PathwayPlans");

            migrationBuilder.DropForeignKey(
                name: "FK_PermanencePlans_Plans_PlanId",
                table: "PermanencePlans");

            migrationBuilder.DropTable(
                name: "FosteringCorrections");

            migrationBuilder.DropIndex(
                name: "IX_SupervisionVisits_SubmissionId",
                table: "SupervisionVisits");

            migrationBuilder.DropIndex(
                name: "IX_RecruitmentEnquiries_SubmissionId",
                table: "RecruitmentEnquiries");

            migrationBuilder.DropIndex(
                name: "IX_PermanencePlans_PlanId",
                table: "PermanencePlans");

            migrationBuilder.DropIndex(
                name: "IX_PathwayPlans_PlanId",
                table: "PathwayPlans");

            migrationBuilder.DropIndex(
                name: "IX_GuardianSupport_SubmissionId",
                table: "GuardianSupport");

            migrationBuilder.DropIndex(
                name: "IX_FosterHouseholds_SubmissionId",
                table: "FosterHouseholds");

            migrationBuilder.DropIndex(
                name: "IX_CarerTraining_SubmissionId",
                table: "CarerTraining");

            migrationBuilder.DropIndex(
                name: "IX_CarerReviews_SubmissionId",
                table: "CarerReviews");

            migrationBuilder.DropIndex(
                name: "IX_CarerFeedback_SubmissionId",
                table: "CarerFeedback");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "SupervisionVisits");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "RecruitmentEnquiries");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "PermanencePlans");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "PathwayPlans");

            migrationBuilder.DropColumn(
                name: "RecordedAt",
                table: "GuardianSupport");

            migrationBuilder.DropColumn(
                name: "RecordedByWorkerId",
                table: "GuardianSupport");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "GuardianSupport");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "FosterHouseholds");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "CarerTraining");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "CarerReviews");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "CarerFeedback");
        }
    }
}
