using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    PresentedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    StayingNow = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OptionsExplainedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ExplainedHow = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    SaidTheyUnderstood = table.Column<bool>(type: "boolean", nullable: true),
                    AdvocateOffered = table.Column<bool>(type: "boolean", nullable: true),
                    AdvocateTakenUp = table.Column<bool>(type: "boolean", nullable: true),
                    AdvocateName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionInOwnWords = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosureNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
