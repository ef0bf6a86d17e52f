using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OffendingHealthAdopters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "InterventionOfferedRefused",
                table: "HealthRecords",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InterventionReceived",
                table: "HealthRecords",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OffenceOutcome",
                table: "HealthRecords",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterLegalStatusCode",
                table: "AdoptionCases",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterNumberCode",
                table: "AdoptionCases",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AdopterSexCode",
                table: "AdoptionCases",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "FosterCareCode",
                table: "AdoptionCases",
                type: "character varying(1)",
                maxLength: 1,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
