using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ProtectionPlansCareLeaversAndGovernance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BirthdayReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Age = table.Column<int>(type: "INTEGER", nullable: false),
                    InTouchCode = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    ActivityCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    AccommodationCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BirthdayReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BirthdayReturns_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareLeaverContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareLeaverContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareLeaverContacts_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CareLeaverContacts_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareLeaverDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Held = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckedDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareLeaverDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareLeaverDocuments_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "EetPanelDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PanelDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionsConsidered = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActionOwnerWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActionDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OutcomeDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EetPanelDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EetPanelDiscussions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EetPanelDiscussions_Workers_ActionOwnerWorkerId",
                        column: x => x.ActionOwnerWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Exclusions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    SchoolName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Days = table.Column<decimal>(type: "TEXT", precision: 5, scale: 1, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exclusions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Exclusions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExploitationScreenings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ScreenedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CurrentRisk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExploitationScreenings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExploitationScreenings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HomeEducations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NotifiedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PreviousSchool = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeEducations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeEducations_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "LocalOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalOffers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MissingEducations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReferredBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Closure = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    ClosureDetail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEducations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEducations_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelMeetings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PathwayPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    NeedsAssessmentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AgreedDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Accommodation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EducationAndWork = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Health = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    EmotionalWellbeing = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Relationships = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Money = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    PracticalSkills = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Identity = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PathwayReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedByWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayReviews_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PathwayReviews_Workers_ReviewedByWorkerId",
                        column: x => x.ReviewedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

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
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CurrentVersionNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Plans_People_ChildId",
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
                name: "SignificantChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignificantChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SignificantChanges_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "StayingPutArrangements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    CarerName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StayingPutArrangements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StayingPutArrangements_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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
                name: "SupervisionSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    WorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    SupervisorWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupervisionSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupervisionSessions_Workers_SupervisorWorkerId",
                        column: x => x.SupervisorWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SupervisionSessions_Workers_WorkerId",
                        column: x => x.WorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExploitationRiskLevels",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ScreeningId = table.Column<int>(type: "INTEGER", nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExploitationRiskLevels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExploitationRiskLevels_ExploitationScreenings_ScreeningId",
                        column: x => x.ScreeningId,
                        principalTable: "ExploitationScreenings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HomeEducationChecks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HomeEducationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SafeguardingConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeEducationChecks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeEducationChecks_HomeEducations_HomeEducationId",
                        column: x => x.HomeEducationId,
                        principalTable: "HomeEducations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MissingEducationActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MissingEducationId = table.Column<int>(type: "INTEGER", nullable: false),
                    TakenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEducationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEducationActions_MissingEducations_MissingEducationId",
                        column: x => x.MissingEducationId,
                        principalTable: "MissingEducations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    OwnerWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelActions_PanelMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelActions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelActions_Workers_OwnerWorkerId",
                        column: x => x.OwnerWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    RiskAtMeeting = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    RiskTypes = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    InterviewSharedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    InterviewInformation = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    CarriedOver = table.Column<bool>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelChildren_PanelMeetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "PanelMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildInNeedPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosureReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosureNote = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlans_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PlanVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FamilyAndNetwork = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Contingency = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    ToTheChild = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanVersions_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
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

            migrationBuilder.CreateTable(
                name: "OversightEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ManagerWorkerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    SupervisionSessionId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OversightEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OversightEntries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OversightEntries_SupervisionSessions_SupervisionSessionId",
                        column: x => x.SupervisionSessionId,
                        principalTable: "SupervisionSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OversightEntries_Workers_ManagerWorkerId",
                        column: x => x.ManagerWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildInNeedPlanReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildInNeedPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Views = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    PlanVersionNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    NextReviewDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildInNeedPlanReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildInNeedPlanReviews_ChildInNeedPlans_ChildInNeedPlanId",
                        column: x => x.ChildInNeedPlanId,
                        principalTable: "ChildInNeedPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Done = table.Column<bool>(type: "INTEGER", nullable: false),
                    DoneDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastProgressOn = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActions_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanOutcomes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanOutcomes_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "OversightActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OversightEntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    What = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Who = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OversightActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OversightActions_OversightEntries_OversightEntryId",
                        column: x => x.OversightEntryId,
                        principalTable: "OversightEntries",
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

            migrationBuilder.CreateTable(
                name: "ChildProtectionConferences",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Section47EnquiryId = table.Column<int>(type: "INTEGER", nullable: true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PlanNeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    CategoryOfAbuse = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionConferences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionConferences_Section47Enquiries_Section47EnquiryId",
                        column: x => x.Section47EnquiryId,
                        principalTable: "Section47Enquiries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CategoryOfAbuse = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StartConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndReason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    EndConferenceId = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousPlans = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_EndConferenceId",
                        column: x => x.EndConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_ChildProtectionConferences_StartConferenceId",
                        column: x => x.StartConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionPlans_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ConferenceAttendees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConferenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReportReceived = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConferenceAttendees", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConferenceAttendees_ChildProtectionConferences_ConferenceId",
                        column: x => x.ConferenceId,
                        principalTable: "ChildProtectionConferences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChildProtectionVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ChildSeen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildSeenAlone = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChildProtectionVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChildProtectionVisits_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ChildProtectionVisits_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Attendees = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CoreGroupMeetings_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CoreGroupMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChildProtectionPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Agency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoreGroupMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CoreGroupMembers_ChildProtectionPlans_ChildProtectionPlanId",
                        column: x => x.ChildProtectionPlanId,
                        principalTable: "ChildProtectionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
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
                name: "IX_BirthdayReturns_ChildId_Age",
                table: "BirthdayReturns",
                columns: new[] { "ChildId", "Age" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_ChildId_ContactDate",
                table: "CareLeaverContacts",
                columns: new[] { "ChildId", "ContactDate" });

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_SubmissionId",
                table: "CareLeaverContacts",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverContacts_WorkerId",
                table: "CareLeaverContacts",
                column: "WorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_CareLeaverDocuments_ChildId_Kind",
                table: "CareLeaverDocuments",
                columns: new[] { "ChildId", "Kind" },
                unique: true);

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
                name: "IX_ChildInNeedPlanReviews_ChildInNeedPlanId",
                table: "ChildInNeedPlanReviews",
                column: "ChildInNeedPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlanReviews_SubmissionId",
                table: "ChildInNeedPlanReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_ChildId_EndDate",
                table: "ChildInNeedPlans",
                columns: new[] { "ChildId", "EndDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_PlanId",
                table: "ChildInNeedPlans",
                column: "PlanId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildInNeedPlans_SubmissionId",
                table: "ChildInNeedPlans",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_ChildId_Date",
                table: "ChildProtectionConferences",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_ChildProtectionPlanId",
                table: "ChildProtectionConferences",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_Section47EnquiryId",
                table: "ChildProtectionConferences",
                column: "Section47EnquiryId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionConferences_SubmissionId",
                table: "ChildProtectionConferences",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_ChildId_StartDate",
                table: "ChildProtectionPlans",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_EndConferenceId",
                table: "ChildProtectionPlans",
                column: "EndConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionPlans_StartConferenceId",
                table: "ChildProtectionPlans",
                column: "StartConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_ChildId_Date",
                table: "ChildProtectionVisits",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_ChildProtectionPlanId",
                table: "ChildProtectionVisits",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ChildProtectionVisits_SubmissionId",
                table: "ChildProtectionVisits",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ConferenceAttendees_ConferenceId",
                table: "ConferenceAttendees",
                column: "ConferenceId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_ChildId_Date",
                table: "CoreGroupMeetings",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_ChildProtectionPlanId",
                table: "CoreGroupMeetings",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMeetings_SubmissionId",
                table: "CoreGroupMeetings",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CoreGroupMembers_ChildProtectionPlanId",
                table: "CoreGroupMembers",
                column: "ChildProtectionPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_DestructionDecisions_HavenNumber",
                table: "DestructionDecisions",
                column: "HavenNumber");

            migrationBuilder.CreateIndex(
                name: "IX_EetPanelDiscussions_ActionOwnerWorkerId",
                table: "EetPanelDiscussions",
                column: "ActionOwnerWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_EetPanelDiscussions_ChildId",
                table: "EetPanelDiscussions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_EetPanelDiscussions_PanelDate_ChildId",
                table: "EetPanelDiscussions",
                columns: new[] { "PanelDate", "ChildId" });

            migrationBuilder.CreateIndex(
                name: "IX_EetPanelDiscussions_SubmissionId",
                table: "EetPanelDiscussions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Exclusions_ChildId_StartDate",
                table: "Exclusions",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Exclusions_StartDate_Phase_Kind",
                table: "Exclusions",
                columns: new[] { "StartDate", "Phase", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_Exclusions_SubmissionId",
                table: "Exclusions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationRiskLevels_ScreeningId_DecidedOn",
                table: "ExploitationRiskLevels",
                columns: new[] { "ScreeningId", "DecidedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationScreenings_ChildId_Type",
                table: "ExploitationScreenings",
                columns: new[] { "ChildId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationScreenings_ClosedOn_ReviewDue",
                table: "ExploitationScreenings",
                columns: new[] { "ClosedOn", "ReviewDue" });

            migrationBuilder.CreateIndex(
                name: "IX_ExploitationScreenings_SubmissionId",
                table: "ExploitationScreenings",
                column: "SubmissionId",
                unique: true);

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
                name: "IX_HomeEducationChecks_HomeEducationId_HeldOn",
                table: "HomeEducationChecks",
                columns: new[] { "HomeEducationId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeEducations_ChildId_NotifiedOn",
                table: "HomeEducations",
                columns: new[] { "ChildId", "NotifiedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeEducations_EndedOn",
                table: "HomeEducations",
                column: "EndedOn");

            migrationBuilder.CreateIndex(
                name: "IX_HomeEducations_SubmissionId",
                table: "HomeEducations",
                column: "SubmissionId",
                unique: true);

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
                name: "IX_LegalHolds_HeldPersonId",
                table: "LegalHolds",
                column: "HeldPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEducationActions_MissingEducationId",
                table: "MissingEducationActions",
                column: "MissingEducationId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEducations_ChildId_ReferredOn",
                table: "MissingEducations",
                columns: new[] { "ChildId", "ReferredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEducations_ClosedOn",
                table: "MissingEducations",
                column: "ClosedOn");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEducations_SubmissionId",
                table: "MissingEducations",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_ChildId_CompletedOn",
                table: "OversightActions",
                columns: new[] { "ChildId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_OversightActions_OversightEntryId",
                table: "OversightActions",
                column: "OversightEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightEntries_ChildId_Date",
                table: "OversightEntries",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_OversightEntries_ManagerWorkerId",
                table: "OversightEntries",
                column: "ManagerWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_OversightEntries_SubmissionId",
                table: "OversightEntries",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OversightEntries_SupervisionSessionId",
                table: "OversightEntries",
                column: "SupervisionSessionId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelActions_ChildId",
                table: "PanelActions",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelActions_CompletedOn_MeetingId",
                table: "PanelActions",
                columns: new[] { "CompletedOn", "MeetingId" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelActions_MeetingId",
                table: "PanelActions",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelActions_OwnerWorkerId_CompletedOn",
                table: "PanelActions",
                columns: new[] { "OwnerWorkerId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PanelChildren_ChildId",
                table: "PanelChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelChildren_MeetingId_ChildId",
                table: "PanelChildren",
                columns: new[] { "MeetingId", "ChildId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_HeldOn",
                table: "PanelMeetings",
                column: "HeldOn");

            migrationBuilder.CreateIndex(
                name: "IX_PanelMeetings_SubmissionId",
                table: "PanelMeetings",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayPlans_ChildId",
                table: "PathwayPlans",
                column: "ChildId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayReviews_ChildId_ReviewDate",
                table: "PathwayReviews",
                columns: new[] { "ChildId", "ReviewDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayReviews_ReviewedByWorkerId",
                table: "PathwayReviews",
                column: "ReviewedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayReviews_SubmissionId",
                table: "PathwayReviews",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PermanencePlans_ChildId_SetAtReview",
                table: "PermanencePlans",
                columns: new[] { "ChildId", "SetAtReview" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_Key",
                table: "PlanActions",
                column: "Key");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActions_PlanVersionId",
                table: "PlanActions",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanOutcomes_PlanVersionId",
                table: "PlanOutcomes",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_PlanId_Number",
                table: "PlanVersions",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanVersions_SubmissionId",
                table: "PlanVersions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plans_ChildId_Kind",
                table: "Plans",
                columns: new[] { "ChildId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RecruitmentEnquiries_CampaignId",
                table: "RecruitmentEnquiries",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_RecruitmentEnquiries_Kind_EnquiryDate",
                table: "RecruitmentEnquiries",
                columns: new[] { "Kind", "EnquiryDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SignificantChanges_ChildId_EventDate",
                table: "SignificantChanges",
                columns: new[] { "ChildId", "EventDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SignificantChanges_SubmissionId",
                table: "SignificantChanges",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpecialGuardianships_ChildId",
                table: "SpecialGuardianships",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StayingPutArrangements_ChildId",
                table: "StayingPutArrangements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StayingPutArrangements_SubmissionId",
                table: "StayingPutArrangements",
                column: "SubmissionId",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_SubmissionId",
                table: "SupervisionSessions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_SupervisorWorkerId",
                table: "SupervisionSessions",
                column: "SupervisorWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionSessions_WorkerId_Date",
                table: "SupervisionSessions",
                columns: new[] { "WorkerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_HouseholdId",
                table: "SupervisionVisits",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_SupervisionVisits_WorkerId",
                table: "SupervisionVisits",
                column: "WorkerId");

            migrationBuilder.AddForeignKey(
                name: "FK_ChildProtectionConferences_ChildProtectionPlans_ChildProtectionPlanId",
                table: "ChildProtectionConferences",
                column: "ChildProtectionPlanId",
                principalTable: "ChildProtectionPlans",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ChildProtectionConferences_ChildProtectionPlans_ChildProtectionPlanId",
                table: "ChildProtectionConferences");

            migrationBuilder.DropTable(
                name: "AdoptionCases");

            migrationBuilder.DropTable(
                name: "BirthdayReturns");

            migrationBuilder.DropTable(
                name: "CareLeaverContacts");

            migrationBuilder.DropTable(
                name: "CareLeaverDocuments");

            migrationBuilder.DropTable(
                name: "CarerFeedback");

            migrationBuilder.DropTable(
                name: "CarerReviews");

            migrationBuilder.DropTable(
                name: "CarerTraining");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlanReviews");

            migrationBuilder.DropTable(
                name: "ChildProtectionVisits");

            migrationBuilder.DropTable(
                name: "ConferenceAttendees");

            migrationBuilder.DropTable(
                name: "CoreGroupMeetings");

            migrationBuilder.DropTable(
                name: "CoreGroupMembers");

            migrationBuilder.DropTable(
                name: "DestructionDecisions");

            migrationBuilder.DropTable(
                name: "EetPanelDiscussions");

            migrationBuilder.DropTable(
                name: "Exclusions");

            migrationBuilder.DropTable(
                name: "ExploitationRiskLevels");

            migrationBuilder.DropTable(
                name: "GuardianSupport");

            migrationBuilder.DropTable(
                name: "HomeEducationChecks");

            migrationBuilder.DropTable(
                name: "HouseholdPlacements");

            migrationBuilder.DropTable(
                name: "LegalHolds");

            migrationBuilder.DropTable(
                name: "LocalOffers");

            migrationBuilder.DropTable(
                name: "MissingEducationActions");

            migrationBuilder.DropTable(
                name: "OversightActions");

            migrationBuilder.DropTable(
                name: "PanelActions");

            migrationBuilder.DropTable(
                name: "PanelChildren");

            migrationBuilder.DropTable(
                name: "PathwayPlans");

            migrationBuilder.DropTable(
                name: "PathwayReviews");

            migrationBuilder.DropTable(
                name: "PermanencePlans");

            migrationBuilder.DropTable(
                name: "PlanActions");

            migrationBuilder.DropTable(
                name: "PlanOutcomes");

            migrationBuilder.DropTable(
                name: "SignificantChanges");

            migrationBuilder.DropTable(
                name: "StayingPutArrangements");

            migrationBuilder.DropTable(
                name: "SubjectAccessReleases");

            migrationBuilder.DropTable(
                name: "SupervisionVisits");

            migrationBuilder.DropTable(
                name: "ChildInNeedPlans");

            migrationBuilder.DropTable(
                name: "ExploitationScreenings");

            migrationBuilder.DropTable(
                name: "SpecialGuardianships");

            migrationBuilder.DropTable(
                name: "HomeEducations");

            migrationBuilder.DropTable(
                name: "MissingEducations");

            migrationBuilder.DropTable(
                name: "OversightEntries");

            migrationBuilder.DropTable(
                name: "PanelMeetings");

            migrationBuilder.DropTable(
                name: "PlanVersions");

            migrationBuilder.DropTable(
                name: "SubjectAccessRequests");

            migrationBuilder.DropTable(
                name: "FosterHouseholds");

            migrationBuilder.DropTable(
                name: "SupervisionSessions");

            migrationBuilder.DropTable(
                name: "Plans");

            migrationBuilder.DropTable(
                name: "RecruitmentEnquiries");

            migrationBuilder.DropTable(
                name: "RecruitmentCampaigns");

            migrationBuilder.DropTable(
                name: "ChildProtectionPlans");

            migrationBuilder.DropTable(
                name: "ChildProtectionConferences");
        }
    }
}
