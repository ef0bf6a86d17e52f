using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SetAtReview = table.Column<DateOnly>(type: "date", nullable: false),
                    OnTrack = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruitmentCampaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpecialGuardianships",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    GuardianNames = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    OrderDate = table.Column<DateOnly>(type: "date", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HouseholdName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Source = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CampaignId = table.Column<int>(type: "integer", nullable: true),
                    EnquiryDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialVisitDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApplicationDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage1Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Stage2Date = table.Column<DateOnly>(type: "date", nullable: true),
                    PanelDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftDate = table.Column<DateOnly>(type: "date", nullable: true),
                    LeftReason = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    LeftNotes = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    SecondTimeAdopter = table.Column<bool>(type: "boolean", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    AdmDecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    PlacementOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    EarlyPermanence = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    FamilyFindingStarted = table.Column<DateOnly>(type: "date", nullable: true),
                    MatchDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AdopterEnquiryId = table.Column<int>(type: "integer", nullable: true),
                    MovedInDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PlacedForAdoptionDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AdoptionOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Siblings = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SiblingsReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SealedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    EnquiryId = table.Column<int>(type: "integer", nullable: true),
                    ApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    TemporaryApprovalDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MaxChildren = table.Column<int>(type: "integer", nullable: false),
                    AgeFrom = table.Column<int>(type: "integer", nullable: false),
                    AgeTo = table.Column<int>(type: "integer", nullable: false),
                    CareType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SupervisingWorkerId = table.Column<int>(type: "integer", nullable: false),
                    DeregisteredDate = table.Column<DateOnly>(type: "date", nullable: true),
                    DeregisteredReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpecialGuardianshipId = table.Column<int>(type: "integer", nullable: true),
                    AdopterEnquiryId = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    GivenDate = table.Column<DateOnly>(type: "date", nullable: false),
                    SupportRating = table.Column<int>(type: "integer", nullable: false),
                    TrainingRating = table.Column<int>(type: "integer", nullable: false),
                    Comments = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ToPanel = table.Column<bool>(type: "boolean", nullable: false),
                    ApprovalContinues = table.Column<bool>(type: "boolean", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: true),
                    EnquiryId = table.Column<int>(type: "integer", nullable: true),
                    Course = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequiredBy = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "date", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    HouseholdId = table.Column<int>(type: "integer", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Unannounced = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
