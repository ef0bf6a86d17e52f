using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class HelpAndProtection : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    FamilyAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentsInvolvement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ExtendedFamilyInvolvement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    IdentityAndCulture = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Analysis = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WishesAndFeelings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DirectWorkTools = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Observations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ChildSeenDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildSeenAloneDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ManagerComments = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Concerns = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StartSection47 = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ImmediateSafetyPlan = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFactors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentFactors_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    StrategyDiscussionId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialConferenceDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeSummary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    InitialConferenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StrategyDiscussionId = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyParticipant_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFactors_AssessmentId_Code",
                table: "AssessmentFactors",
                columns: new[] { "AssessmentId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ChildId_AuthorisedDate",
                table: "Assessments",
                columns: new[] { "ChildId", "AuthorisedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_FamilyAssessmentId",
                table: "Assessments",
                column: "FamilyAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SubmissionId",
                table: "Assessments",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_ChildId_CompletedDate",
                table: "Section47Enquiries",
                columns: new[] { "ChildId", "CompletedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_ReferralId",
                table: "Section47Enquiries",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ChildId_Date",
                table: "StrategyDiscussions",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ReferralId",
                table: "StrategyDiscussions",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_SubmissionId",
                table: "StrategyDiscussions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategyParticipant_StrategyDiscussionId",
                table: "StrategyParticipant",
                column: "StrategyDiscussionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentFactors");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StrategyParticipant");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");
        }
    }
}
