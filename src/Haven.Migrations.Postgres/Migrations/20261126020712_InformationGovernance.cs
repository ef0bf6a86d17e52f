using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class InformationGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DestructionDecisions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HavenNumber = table.Column<int>(type: "integer", nullable: false),
                    RetentionClass = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    KeepUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ProposedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ApprovedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    CarriedOutAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RowsDestroyed = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DestructionDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HeldPersonId = table.Column<int>(type: "integer", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PlacedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReleasedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SubjectPersonId = table.Column<int>(type: "integer", nullable: false),
                    RequesterName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequesterKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Authority = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    IsChildsOwnRequest = table.Column<bool>(type: "boolean", nullable: false),
                    IdentityCheck = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Scope = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ExtensionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestId = table.Column<int>(type: "integer", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReleasedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    RowsForRedactionReview = table.Column<int>(type: "integer", nullable: false),
                    Bundle = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessReleases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubjectAccessReleases_SubjectAccessRequests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "SubjectAccessRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DestructionDecisions_HavenNumber",
                table: "DestructionDecisions",
                column: "HavenNumber");

            migrationBuilder.CreateIndex(
                name: "IX_LegalHolds_HeldPersonId",
                table: "LegalHolds",
                column: "HeldPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessReleases_RequestId",
                table: "SubjectAccessReleases",
                column: "RequestId");

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_Status_DueOn",
                table: "SubjectAccessRequests",
                columns: new[] { "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_SubjectAccessRequests_SubjectPersonId",
                table: "SubjectAccessRequests",
                column: "SubjectPersonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DestructionDecisions");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "SubjectAccessReleases");

            migrationBuilder.DropTable(
                name: "SubjectAccessRequests");
        }
    }
}
