using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildProtectionPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Section47EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CategoryOfAbuse = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryOfAbuse = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    EndConferenceId = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_EndConferenceId",
                        column: x => x.EndConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_StartConferenceId",
                        column: x => x.StartConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportReceived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceAttendees_ChildProtectionConferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildSeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionVisits_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionVisits_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMembers_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_ChildId_Date",
                table: "ChildProtectionConferences",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_ChildProtectionPlanId",
                table: "ChildProtectionConferences",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_SubmissionId",
                table: "ChildProtectionConferences",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ChildId_StartDate",
                table: "ChildProtectionPlans",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EndConferenceId",
                table: "ChildProtectionPlans",
                column: "EndConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_StartConferenceId",
                table: "ChildProtectionPlans",
                column: "StartConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_ChildId_Date",
                table: "ChildProtectionVisits",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_ChildProtectionPlanId",
                table: "ChildProtectionVisits",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_SubmissionId",
                table: "ChildProtectionVisits",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendees_ConferenceId",
                table: "ConferenceAttendees",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_ChildId_Date",
                table: "CoreGroupMeetings",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_ChildProtectionPlanId",
                table: "CoreGroupMeetings",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_SubmissionId",
                table: "CoreGroupMeetings",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMembers_ChildProtectionPlanId",
                table: "CoreGroupMembers",
                column: "ChildProtectionPlanId");

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionConferences_ChildProtectionPlans_ChildProtectionPlanId",
                table: "ChildProtectionConferences",
                column: "ChildProtectionPlanId",
                principalTable: "ChildProtectionPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_ChildProtectionPlans_ChildProtectionPlanId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "ChildProtectionVisits");

            migrationBuilder.DropTable(
                name: "ConferenceAttendees");

            migrationBuilder.DropTable(
                name: "CoreGroupMeetings");

            migrationBuilder.DropTable(
                name: "CoreGroupMembers");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");
        }
    }
}
