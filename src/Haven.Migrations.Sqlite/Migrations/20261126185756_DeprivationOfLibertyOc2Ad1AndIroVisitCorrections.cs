using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DeprivationOfLibertyOc2Ad1AndIroVisitCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DeletedAt",
                table: "IroVisits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeletedByWorkerId",
                table: "IroVisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeletionReason",
                table: "IroVisits",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterventionOfferedRefused",
                table: "HealthRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterventionReceived",
                table: "HealthRecords",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OffenceOutcome",
                table: "HealthRecords",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterLegalStatusCode",
                table: "AdoptionCases",
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterNumberCode",
                table: "AdoptionCases",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterSexCode",
                table: "AdoptionCases",
                type: "TEXT",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FosterCareCode",
                table: "AdoptionCases",
                type: "TEXT",
                maxLength: 1,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DeprivationOfLibertyOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AuthorisedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChangedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    DeletionReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeprivationOfLibertyOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DeprivationOfLibertyOrders_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_OneOpenPerChildAndKind",
                table: "Allocations",
                columns: new[] { "ChildId", "Kind" },
                unique: true,
                filter: "\"EndDate\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DeprivationOfLibertyOrders_ChildId_StartDate",
                table: "DeprivationOfLibertyOrders",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_DeprivationOfLibertyOrders_SubmissionId",
                table: "DeprivationOfLibertyOrders",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeprivationOfLibertyOrders");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_OneOpenPerChildAndKind",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "DeletedAt",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "DeletedByWorkerId",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "DeletionReason",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "InterventionOfferedRefused",
                table: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "InterventionReceived",
                table: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "OffenceOutcome",
                table: "HealthRecords");

            migrationBuilder.DropColumn(
                name: "AdopterLegalStatusCode",
                table: "AdoptionCases");

            migrationBuilder.DropColumn(
                name: "AdopterNumberCode",
                table: "AdoptionCases");

            migrationBuilder.DropColumn(
                name: "AdopterSexCode",
                table: "AdoptionCases");

            migrationBuilder.DropColumn(
                name: "FosterCareCode",
                table: "AdoptionCases");
        }
    }
}
