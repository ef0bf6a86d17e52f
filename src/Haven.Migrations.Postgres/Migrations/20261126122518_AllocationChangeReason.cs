using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AllocationChangeReason : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ChangeReasonCode",
                table: "Allocations",
                type: "character varying(6)",
                maxLength: 6,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChangeReasonCode",
                table: "Allocations");
        }
    }
}
