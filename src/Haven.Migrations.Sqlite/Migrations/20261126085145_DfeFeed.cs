using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DfeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DfeFeedSends",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Mode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Full = table.Column<bool>(type: "INTEGER", nullable: false),
                    Children = table.Column<int>(type: "INTEGER", nullable: false),
                    Purges = table.Column<int>(type: "INTEGER", nullable: false),
                    Batches = table.Column<int>(type: "INTEGER", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Failed = table.Column<int>(type: "INTEGER", nullable: false),
                    Invalid = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ChildIds = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeFeedSends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DfeFeedSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    LaChildId = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AcceptedJson = table.Column<string>(type: "TEXT", nullable: true),
                    AcceptedHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Receipt = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ErrorAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSendId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeFeedSubmissions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DfeFeedSends_StartedAt",
                table: "DfeFeedSends",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DfeFeedSubmissions_ChildId",
                table: "DfeFeedSubmissions",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DfeFeedSubmissions_Status",
                table: "DfeFeedSubmissions",
                column: "Status");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DfeFeedSends");

            migrationBuilder.DropTable(
                name: "DfeFeedSubmissions");
        }
    }
}
