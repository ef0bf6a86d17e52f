using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildrenInCareHealthEducation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EducationRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    YearGroup = table.Column<int>(type: "INTEGER", nullable: true),
                    AcademicYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Term = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    AttendancePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Sen = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    KeyStage = table.Column<int>(type: "INTEGER", nullable: true),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    Exclusion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DaysExcluded = table.Column<int>(type: "INTEGER", nullable: true),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationRecords_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EducationRecords_Workers_RecordedByWorkerId",
                        column: x => x.RecordedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UpToDate = table.Column<bool>(type: "INTEGER", nullable: true),
                    SdqScore = table.Column<int>(type: "INTEGER", nullable: true),
                    SdqReasonCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    OutcomeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthRecords_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Workers_RecordedByWorkerId",
                        column: x => x.RecordedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LifeStoryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: false),
                    AuthorWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifeStoryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LifeStoryEntries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LifeStoryEntries_Workers_AuthorWorkerId",
                        column: x => x.AuthorWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_ChildId_Kind_Date",
                table: "EducationRecords",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_RecordedByWorkerId",
                table: "EducationRecords",
                column: "RecordedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_SubmissionId",
                table: "EducationRecords",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_ChildId_Kind_Date",
                table: "HealthRecords",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_RecordedByWorkerId",
                table: "HealthRecords",
                column: "RecordedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_SubmissionId",
                table: "HealthRecords",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_AuthorWorkerId",
                table: "LifeStoryEntries",
                column: "AuthorWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_ChildId_Kind_Date",
                table: "LifeStoryEntries",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_SubmissionId",
                table: "LifeStoryEntries",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EducationRecords");

            migrationBuilder.DropTable(
                name: "HealthRecords");

            migrationBuilder.DropTable(
                name: "LifeStoryEntries");
        }
    }
}
