using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Full = table.Column<bool>(type: "boolean", nullable: false),
                    Children = table.Column<int>(type: "integer", nullable: false),
                    Purges = table.Column<int>(type: "integer", nullable: false),
                    Batches = table.Column<int>(type: "integer", nullable: false),
                    Accepted = table.Column<int>(type: "integer", nullable: false),
                    Failed = table.Column<int>(type: "integer", nullable: false),
                    Invalid = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    ChildIds = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DfeFeedSends", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DfeFeedSubmissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    LaChildId = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AcceptedJson = table.Column<string>(type: "text", nullable: true),
                    AcceptedHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    AcceptedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Receipt = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ErrorAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSendId = table.Column<int>(type: "integer", nullable: true)
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
