using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HavenNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionClass = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    KeepUntil = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ProposedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ApprovedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    CarriedOutAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RowsDestroyed = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DestructionDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LegalHolds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldPersonId = table.Column<int>(type: "INTEGER", nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PlacedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReleasedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegalHolds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubjectPersonId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequesterName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequesterKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Authority = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    IsChildsOwnRequest = table.Column<bool>(type: "INTEGER", nullable: false),
                    IdentityCheck = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExtensionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubjectAccessRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SubjectAccessReleases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RequestId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReleasedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    RowsForRedactionReview = table.Column<int>(type: "INTEGER", nullable: false),
                    Bundle = table.Column<byte[]>(type: "BLOB", nullable: false)
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
