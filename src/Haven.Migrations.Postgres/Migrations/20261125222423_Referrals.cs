using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    PrimaryNeedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    NoFurtherAction = table.Column<bool>(type: "boolean", nullable: false),
                    IsReReferral = table.Column<bool>(type: "boolean", nullable: false),
                    ClosureDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonForClosureCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
