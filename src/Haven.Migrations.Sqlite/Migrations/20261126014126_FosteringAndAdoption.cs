using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FosteringAndAdoption : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PermanencePlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    SetAtReview = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OnTrack = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PermanencePlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PermanencePlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecruitmentCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruitmentCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpecialGuardianships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    GuardianNames = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecialGuardianships", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecialGuardianships_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecruitmentEnquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    HouseholdName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnquiryDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    InitialVisitDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApplicationDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Stage1Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Stage2Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PanelDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LeftReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    LeftNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    SecondTimeAdopter = table.Column<bool>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruitmentEnquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruitmentEnquiries_RecruitmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "RecruitmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdoptionCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    AdmDecisionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlacementOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EarlyPermanence = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FamilyFindingStarted = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MatchDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdopterEnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    MovedInDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PlacedForAdoptionDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Siblings = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SiblingsReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SealedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdoptionCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdoptionCases_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AdoptionCases_RecruitmentEnquiries_AdopterEnquiryId",
                        column: x => x.AdopterEnquiryId,
                        principalTable: "RecruitmentEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FosterHouseholds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    TemporaryApprovalDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MaxChildren = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeFrom = table.Column<int>(type: "INTEGER", nullable: false),
                    AgeTo = table.Column<int>(type: "INTEGER", nullable: false),
                    CareType = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SupervisingWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DeregisteredDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DeregisteredReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FosterHouseholds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FosterHouseholds_RecruitmentEnquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "RecruitmentEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FosterHouseholds_Workers_SupervisingWorkerId",
                        column: x => x.SupervisingWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuardianSupport",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpecialGuardianshipId = table.Column<int>(type: "INTEGER", nullable: true),
                    AdopterEnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuardianSupport", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuardianSupport_RecruitmentEnquiries_AdopterEnquiryId",
                        column: x => x.AdopterEnquiryId,
                        principalTable: "RecruitmentEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuardianSupport_SpecialGuardianships_SpecialGuardianshipId",
                        column: x => x.SpecialGuardianshipId,
                        principalTable: "SpecialGuardianships",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarerFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    GivenDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SupportRating = table.Column<int>(type: "INTEGER", nullable: false),
                    TrainingRating = table.Column<int>(type: "INTEGER", nullable: false),
                    Comments = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarerFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarerFeedback_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarerReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ToPanel = table.Column<bool>(type: "INTEGER", nullable: false),
                    ApprovalContinues = table.Column<bool>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarerReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarerReviews_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CarerTraining",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: true),
                    EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Course = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequiredBy = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CarerTraining", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CarerTraining_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CarerTraining_RecruitmentEnquiries_EnquiryId",
                        column: x => x.EnquiryId,
                        principalTable: "RecruitmentEnquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HouseholdPlacements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlacementId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HouseholdPlacements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HouseholdPlacements_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HouseholdPlacements_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HouseholdPlacements_Placements_PlacementId",
                        column: x => x.PlacementId,
                        principalTable: "Placements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupervisionVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HouseholdId = table.Column<int>(type: "INTEGER", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Unannounced = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_FosterHouseholds_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "FosterHouseholds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupervisionVisits_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionCases_AdopterEnquiryId",
                table: "AdoptionCases",
                column: "AdopterEnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionCases_ChildId",
                table: "AdoptionCases",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AdoptionCases_SealedAt",
                table: "AdoptionCases",
                column: "SealedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CarerFeedback_HouseholdId",
                table: "CarerFeedback",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_CarerReviews_HouseholdId",
                table: "CarerReviews",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_CarerTraining_EnquiryId",
                table: "CarerTraining",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_CarerTraining_HouseholdId",
                table: "CarerTraining",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FosterHouseholds_EnquiryId",
                table: "FosterHouseholds",
                column: "EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_FosterHouseholds_SupervisingWorkerId",
                table: "FosterHouseholds",
                column: "SupervisingWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianSupport_AdopterEnquiryId",
                table: "GuardianSupport",
                column: "AdopterEnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_GuardianSupport_SpecialGuardianshipId",
                table: "GuardianSupport",
                column: "SpecialGuardianshipId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdPlacements_ChildId",
                table: "HouseholdPlacements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdPlacements_HouseholdId",
                table: "HouseholdPlacements",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_HouseholdPlacements_PlacementId",
                table: "HouseholdPlacements",
                column: "PlacementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermanencePlans_ChildId_SetAtReview",
                table: "PermanencePlans",
                columns: new[] { "ChildId", "SetAtReview" });

            migrationBuilder.CreateIndex(
                name: "IX_RecruitmentEnquiries_CampaignId",
                table: "RecruitmentEnquiries",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruitmentEnquiries_Kind_EnquiryDate",
                table: "RecruitmentEnquiries",
                columns: new[] { "Kind", "EnquiryDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SpecialGuardianships_ChildId",
                table: "SpecialGuardianships",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_HouseholdId",
                table: "SupervisionVisits",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_WorkerId",
                table: "SupervisionVisits",
                column: "WorkerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdoptionCases");

            migrationBuilder.DropTable(
                name: "CarerFeedback");

            migrationBuilder.DropTable(
                name: "CarerReviews");

            migrationBuilder.DropTable(
                name: "CarerTraining");

            migrationBuilder.DropTable(
                name: "GuardianSupport");

            migrationBuilder.DropTable(
                name: "HouseholdPlacements");

            migrationBuilder.DropTable(
                name: "PermanencePlans");

            migrationBuilder.DropTable(
                name: "SupervisionVisits");

            migrationBuilder.DropTable(
                name: "SpecialGuardianships");

            migrationBuilder.DropTable(
                name: "FosterHouseholds");

            migrationBuilder.DropTable(
                name: "RecruitmentEnquiries");

            migrationBuilder.DropTable(
                name: "RecruitmentCampaigns");
        }
    }
}
