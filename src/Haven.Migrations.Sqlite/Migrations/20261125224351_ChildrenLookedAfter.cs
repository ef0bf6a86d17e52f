using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ChildrenLookedAfter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CareProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ApplicationDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Court = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExtensionWeeks = table.Column<int>(type: "INTEGER", nullable: false),
                    ParallelPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    ContingencyPlan = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    FinalOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalOrder = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactArrangements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    With = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PersonName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Supervised = table.Column<bool>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactArrangements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IroVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IroWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IroVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IroVisits_Workers_IroWorkerId",
                        column: x => x.IroWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodsOfCare",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AuthorisedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonCeasedCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    CategoryOfNeedCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    IsUnaccompaniedAsylumSeeker = table.Column<bool>(type: "INTEGER", nullable: false),
                    UascCeasedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    HomePostcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    InvolvementId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PeriodsOfCare", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PeriodsOfCare_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PeriodsOfCare_Workers_AuthorisedByWorkerId",
                        column: x => x.AuthorisedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LetterBeforeProceedingsDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProgressDueDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ParentsProgress = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    SeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    VisitedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatutoryVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatutoryVisits_Workers_VisitedByWorkerId",
                        column: x => x.VisitedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CourtHearings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CareProceedingsId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CourtHearings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CourtHearings_CareProceedings_CareProceedingsId",
                        column: x => x.CareProceedingsId,
                        principalTable: "CareProceedings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ContactSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ContactArrangementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    TookPlace = table.Column<bool>(type: "INTEGER", nullable: false),
                    HowItWent = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContactSessions_ContactArrangements_ContactArrangementId",
                        column: x => x.ContactArrangementId,
                        principalTable: "ContactArrangements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodOfCareId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChairWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ParticipationCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    AdvocacyOffered = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdvocacyTakenUp = table.Column<bool>(type: "INTEGER", nullable: false),
                    LongTermPlacementAgreed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Decisions = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    LetterToChild = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LookedAfterReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LookedAfterReviews_Workers_ChairWorkerId",
                        column: x => x.ChairWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Placements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PeriodOfCareId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementTypeCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ProviderCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    CarerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SameCarerAsPlacementId = table.Column<int>(type: "INTEGER", nullable: true),
                    AddressLine1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddressLine2 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Urn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    DistanceFromHomeMiles = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    InsideCouncilArea = table.Column<bool>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonForChangeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    Matching = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: false),
                    LongTermAgreedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Placements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Placements_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PeriodOfCareId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReasonForNewEpisodeCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    LegalStatusCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReasonEpisodeCeasedCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    ReasonPlaceChangeCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SupersededByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    CorrectionReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Episodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Episodes_PeriodsOfCare_PeriodOfCareId",
                        column: x => x.PeriodOfCareId,
                        principalTable: "PeriodsOfCare",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Episodes_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CareProceedings_ChildId",
                table: "CareProceedings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactArrangements_ChildId",
                table: "ContactArrangements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactSessions_ContactArrangementId",
                table: "ContactSessions",
                column: "ContactArrangementId");

            migrationBuilder.CreateIndex(
                name: "IX_CourtHearings_CareProceedingsId",
                table: "CourtHearings",
                column: "CareProceedingsId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_ChildId_SupersededAt_StartDate",
                table: "Episodes",
                columns: new[] { "ChildId", "SupersededAt", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PeriodOfCareId",
                table: "Episodes",
                column: "PeriodOfCareId");

            migrationBuilder.CreateIndex(
                name: "IX_Episodes_PlacementId",
                table: "Episodes",
                column: "PlacementId");

            migrationBuilder.CreateIndex(
                name: "IX_IroVisits_ChildId_VisitDate",
                table: "IroVisits",
                columns: new[] { "ChildId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_IroVisits_IroWorkerId",
                table: "IroVisits",
                column: "IroWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_ChairWorkerId",
                table: "LookedAfterReviews",
                column: "ChairWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_ChildId_ReviewDate",
                table: "LookedAfterReviews",
                columns: new[] { "ChildId", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_PeriodOfCareId",
                table: "LookedAfterReviews",
                column: "PeriodOfCareId");

            migrationBuilder.CreateIndex(
                name: "IX_LookedAfterReviews_SubmissionId",
                table: "LookedAfterReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PeriodsOfCare_AuthorisedByWorkerId",
                table: "PeriodsOfCare",
                column: "AuthorisedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_PeriodsOfCare_ChildId_StartDate",
                table: "PeriodsOfCare",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_ChildId_StartDate",
                table: "Placements",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Placements_PeriodOfCareId",
                table: "Placements",
                column: "PeriodOfCareId");

            migrationBuilder.CreateIndex(
                name: "IX_PreProceedings_ChildId",
                table: "PreProceedings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryVisits_ChildId_VisitDate",
                table: "StatutoryVisits",
                columns: new[] { "ChildId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryVisits_SubmissionId",
                table: "StatutoryVisits",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatutoryVisits_VisitedByWorkerId",
                table: "StatutoryVisits",
                column: "VisitedByWorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContactSessions");

            migrationBuilder.DropTable(
                name: "CourtHearings");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropTable(
                name: "IroVisits");

            migrationBuilder.DropTable(
                name: "LookedAfterReviews");

            migrationBuilder.DropTable(
                name: "PreProceedings");

            migrationBuilder.DropTable(
                name: "StatutoryVisits");

            migrationBuilder.DropTable(
                name: "ContactArrangements");

            migrationBuilder.DropTable(
                name: "CareProceedings");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "PeriodsOfCare");
        }
    }
}
