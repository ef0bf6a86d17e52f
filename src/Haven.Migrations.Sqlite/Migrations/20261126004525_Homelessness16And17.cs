using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Homelessness16And17 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "HomelessnessAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PresentedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StayingNow = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    OptionsExplainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ExplainedHow = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    SaidTheyUnderstood = table.Column<bool>(type: "INTEGER", nullable: true),
                    AdvocateOffered = table.Column<bool>(type: "INTEGER", nullable: true),
                    AdvocateTakenUp = table.Column<bool>(type: "INTEGER", nullable: true),
                    AdvocateName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    DecisionInOwnWords = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosureNotes = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomelessnessAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomelessnessAssessments_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "TemporaryAccommodations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TemporaryAccommodations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TemporaryAccommodations_HomelessnessAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "HomelessnessAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_HomelessnessAssessments_ChildId_PresentedOn",
                table: "HomelessnessAssessments",
                columns: new[] { "ChildId", "PresentedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomelessnessAssessments_PresentedOn",
                table: "HomelessnessAssessments",
                column: "PresentedOn");

            migrationBuilder.CreateIndex(
                name: "IX_TemporaryAccommodations_AssessmentId",
                table: "TemporaryAccommodations",
                column: "AssessmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TemporaryAccommodations");

            migrationBuilder.DropTable(
                name: "HomelessnessAssessments");
        }
    }
}
