using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseNotesByChildNotDeleted : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseNotes_ChildId_DeletedAt_EventAt",
                table: "CaseNotes",
                columns: new[] { "ChildId", "DeletedAt", "EventAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseNotes_ChildId_DeletedAt_EventAt",
                table: "CaseNotes");
        }
    }
}
