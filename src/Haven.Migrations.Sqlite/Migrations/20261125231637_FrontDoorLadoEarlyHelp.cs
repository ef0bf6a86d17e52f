using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoorLadoEarlyHelp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeadPractitioner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadAgency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LeadIsPartnerAgency = table.Column<bool>(type: "INTEGER", nullable: false),
                    SteppedDownFromReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    AssessmentCompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AssessmentCompletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessmentSummary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosureNotes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    SteppedUpReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Referrals_SteppedDownFromReferralId",
                        column: x => x.SteppedDownFromReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Referrals_SteppedUpReferralId",
                        column: x => x.SteppedUpReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LadoPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpPlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpPlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpPlanActions_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EpisodeId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpReviews_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LadoCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsVolunteer = table.Column<bool>(type: "INTEGER", nullable: false),
                    EmployerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    EmployerSector = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferrerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReferrerOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Allegation = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    ConsideredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionRationale = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ConsideredByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    ReferredToDbs = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReferredToRegulator = table.Column<bool>(type: "INTEGER", nullable: false),
                    RegulatorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    OutcomeNotes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoCases_LadoPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "LadoPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LadoCaseChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LadoCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoCaseChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoCaseChildren_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LadoCaseChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LadoMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LadoCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoMeetings_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LadoActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    LadoMeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    LadoCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoActions_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LadoActions_LadoMeetings_LadoMeetingId",
                        column: x => x.LadoMeetingId,
                        principalTable: "LadoMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ChildId_StartDate",
                table: "EarlyHelpEpisodes",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_SteppedDownFromReferralId",
                table: "EarlyHelpEpisodes",
                column: "SteppedDownFromReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_SteppedUpReferralId",
                table: "EarlyHelpEpisodes",
                column: "SteppedUpReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpPlanActions_EpisodeId",
                table: "EarlyHelpPlanActions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpReviews_EpisodeId",
                table: "EarlyHelpReviews",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoActions_LadoCaseId_CompletedOn",
                table: "LadoActions",
                columns: new[] { "LadoCaseId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LadoActions_LadoMeetingId",
                table: "LadoActions",
                column: "LadoMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCaseChildren_ChildId",
                table: "LadoCaseChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCaseChildren_LadoCaseId",
                table: "LadoCaseChildren",
                column: "LadoCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCases_PersonId",
                table: "LadoCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCases_ReceivedOn",
                table: "LadoCases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LadoMeetings_LadoCaseId",
                table: "LadoMeetings",
                column: "LadoCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EarlyHelpPlanActions");

            migrationBuilder.DropTable(
                name: "EarlyHelpReviews");

            migrationBuilder.DropTable(
                name: "LadoActions");

            migrationBuilder.DropTable(
                name: "LadoCaseChildren");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");

            migrationBuilder.DropTable(
                name: "LadoMeetings");

            migrationBuilder.DropTable(
                name: "LadoCases");

            migrationBuilder.DropTable(
                name: "LadoPeople");
        }
    }
}
