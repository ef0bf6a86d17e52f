using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FrontDoor : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContactId",
                table: "Referrals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ContactorName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContactorRole = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactorPhoneOrEmail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Worry = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Consent = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConsentReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SelfAssessmentAnswers = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Contacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Contacts_Workers_RecordedByWorkerId",
                        column: x => x.RecordedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContactChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    LevelOfNeed = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SignedOffByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ReferralId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ContactChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Workers_DecidedByWorkerId",
                        column: x => x.DecidedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContactChildren_Workers_SignedOffByWorkerId",
                        column: x => x.SignedOffByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MashChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AgencyName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Rag = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RequestedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ResponseRecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MashChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MashChecks_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MashChecks_Workers_RequestedByWorkerId",
                        column: x => x.RequestedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OutOfHoursHandovers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionsTaken = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AcknowledgedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutOfHoursHandovers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutOfHoursHandovers_Contacts_ContactId",
                        column: x => x.ContactId,
                        principalTable: "Contacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutOfHoursHandovers_Workers_AcknowledgedByWorkerId",
                        column: x => x.AcknowledgedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ChildId",
                table: "ContactChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ContactId_ChildId",
                table: "ContactChildren",
                columns: new[] { "ContactId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_DecidedByWorkerId",
                table: "ContactChildren",
                column: "DecidedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_ReferralId",
                table: "ContactChildren",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactChildren_SignedOffByWorkerId",
                table: "ContactChildren",
                column: "SignedOffByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_ReceivedAt",
                table: "Contacts",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_RecordedByWorkerId",
                table: "Contacts",
                column: "RecordedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_Contacts_SubmissionId",
                table: "Contacts",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_ContactId_DueAt",
                table: "MashChecks",
                columns: new[] { "ContactId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_RequestedByWorkerId",
                table: "MashChecks",
                column: "RequestedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutOfHoursHandovers_AcknowledgedAt",
                table: "OutOfHoursHandovers",
                column: "AcknowledgedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutOfHoursHandovers_AcknowledgedByWorkerId",
                table: "OutOfHoursHandovers",
                column: "AcknowledgedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_OutOfHoursHandovers_ContactId",
                table: "OutOfHoursHandovers",
                column: "ContactId",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Referrals_Contacts_ContactId",
                table: "Referrals",
                column: "ContactId",
                principalTable: "Contacts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Referrals_Contacts_ContactId",
                table: "Referrals");

            migrationBuilder.DropTable(
                name: "ContactChildren");

            migrationBuilder.DropTable(
                name: "MashChecks");

            migrationBuilder.DropTable(
                name: "OutOfHoursHandovers");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "Referrals");
        }
    }
}
