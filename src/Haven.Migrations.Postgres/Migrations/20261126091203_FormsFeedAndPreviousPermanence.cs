using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FormsFeedAndPreviousPermanence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "SupervisionVisits",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "RecruitmentEnquiries",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "PermanencePlans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousPermanenceCode",
                table: "PeriodsOfCare",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousPermanenceDate",
                table: "PeriodsOfCare",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousPermanenceLa",
                table: "PeriodsOfCare",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "PathwayPlans",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RecordedAt",
                table: "GuardianSupport",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RecordedByWorkerId",
                table: "GuardianSupport",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "GuardianSupport",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "FosterHouseholds",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerTraining",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerReviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "CarerFeedback",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DfeFeedSends",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Full = table.Column<bool>(type: "boolean", nullable: false),
                    Children = table.Column<int>(type: "integer", nullable: false),
                    Purges = table.Column<int>(type: "integer", nullable: false),
                    Batches = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ChildIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeFeedSends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DfeFeedSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    LaChildId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcceptedJson = table.Column<string>(type: "text", nullable: true),
                    AcceptedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Receipt = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSendId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeFeedSubmissions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FosteringCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnquiryId = table.Column<int>(type: "integer", nullable: true),
                    HouseholdId = table.Column<int>(type: "integer", nullable: true),
                    Field = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Before = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    After = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true)
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
                name: "IX_DfeFeedSends_StartedAt",
                table: "DfeFeedSends",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DfeFeedSubmissions_ChildId",
                table: "DfeFeedSubmissions",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DfeFeedSubmissions_Status",
                table: "DfeFeedSubmissions",
                column: "Status");

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
                name: "DfeFeedSends");

            migrationBuilder.DropTable(
                name: "DfeFeedSubmissions");

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
                name: "PreviousPermanenceCode",
                table: "PeriodsOfCare");

            migrationBuilder.DropColumn(
                name: "PreviousPermanenceDate",
                table: "PeriodsOfCare");

            migrationBuilder.DropColumn(
                name: "PreviousPermanenceLa",
                table: "PeriodsOfCare");

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
