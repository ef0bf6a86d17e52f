using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Referrals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Referrals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    NoFurtherAction = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsReReferral = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosureDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonForClosureCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Referrals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Referrals_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ChildId_ReferralDate",
                table: "Referrals",
                columns: new[] { "ChildId", "ReferralDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Referrals");
        }
    }
}
