using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IroVisitsAndAllocationVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Purpose",
                table: "IroVisits",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "RecordedByWorkerId",
                table: "IroVisits",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "SeenAlone",
                table: "IroVisits",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SubmissionId",
                table: "IroVisits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "IroVisits",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "Allocations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateIndex(
                name: "IX_IroVisits_SubmissionId",
                table: "IroVisits",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IroVisits_SubmissionId",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "Purpose",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "RecordedByWorkerId",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "SeenAlone",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "SubmissionId",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IroVisits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Allocations");
        }
    }
}
