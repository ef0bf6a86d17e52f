using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PreviousPermanence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PreviousPermanenceCode",
                table: "PeriodsOfCare");

            migrationBuilder.DropColumn(
                name: "PreviousPermanenceDate",
                table: "PeriodsOfCare");

            migrationBuilder.DropColumn(
                name: "PreviousPermanenceLa",
                table: "PeriodsOfCare");
        }
    }
}
