using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionPlanContent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlanId",
                table: "ChildProtectionPlans",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_PlanId",
                table: "ChildProtectionPlans",
                column: "PlanId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionPlans_Plans_PlanId",
                table: "ChildProtectionPlans",
                column: "PlanId",
                principalTable: "Plans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionPlans_Plans_PlanId",
                table: "ChildProtectionPlans");

            migrationBuilder.DropIndex(
                name: "IX_ChildProtectionPlans_PlanId",
                table: "ChildProtectionPlans");

            migrationBuilder.DropColumn(
                name: "PlanId",
                table: "ChildProtectionPlans");
        }
    }
}
