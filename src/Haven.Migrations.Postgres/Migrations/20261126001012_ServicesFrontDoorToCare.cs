using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ServicesFrontDoorToCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ContactId",
                table: "Referrals",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    FamilyAssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ParentsInvolvement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ExtendedFamilyInvolvement = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    IdentityAndCulture = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Analysis = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    WishesAndFeelings = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DirectWorkTools = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    Observations = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ChildSeenDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ChildSeenAloneDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AuthorisedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ManagerComments = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CareProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ApplicationDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Court = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExtensionWeeks = table.Column<int>(type: "integer", nullable: false),
                    ParallelPlan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    ContingencyPlan = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    FinalOrderDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FinalOrder = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareProceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContactArrangements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    With = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Frequency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Supervised = table.Column<bool>(type: "boolean", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContactArrangements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Contacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SourceCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ContactorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ContactorRole = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactorPhoneOrEmail = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Worry = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Consent = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentGivenBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ConsentReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SelfAssessmentAnswers = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "EarlyHelpEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LeadPractitioner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadAgency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LeadIsPartnerAgency = table.Column<bool>(type: "boolean", nullable: false),
                    SteppedDownFromReferralId = table.Column<int>(type: "integer", nullable: true),
                    AssessmentCompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AssessmentCompletedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AssessmentSummary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    ClosureNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    SteppedUpReferralId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Referrals_SteppedDownFromReferralId",
                        column: x => x.SteppedDownFromReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EarlyHelpEpisodes_Referrals_SteppedUpReferralId",
                        column: x => x.SteppedUpReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EducationRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    SchoolName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    YearGroup = table.Column<int>(type: "integer", nullable: true),
                    AcademicYear = table.Column<int>(type: "integer", nullable: true),
                    Term = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    AttendancePercent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: true),
                    Sen = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    KeyStage = table.Column<int>(type: "integer", nullable: true),
                    Progress = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Activity = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Exclusion = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    DaysExcluded = table.Column<int>(type: "integer", nullable: true),
                    Link = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    DeletionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EducationRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EducationRecords_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EducationRecords_Workers_RecordedByWorkerId",
                        column: x => x.RecordedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HealthRecords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    By = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UpToDate = table.Column<bool>(type: "boolean", nullable: true),
                    SdqScore = table.Column<int>(type: "integer", nullable: true),
                    SdqReasonCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    OutcomeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    DeletionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HealthRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HealthRecords_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HealthRecords_Workers_RecordedByWorkerId",
                        column: x => x.RecordedByWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IroVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    IroWorkerId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "LadoPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoPeople", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LifeStoryEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    AuthorWorkerId = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false),
                    DeletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeletedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    DeletionReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LifeStoryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LifeStoryEntries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LifeStoryEntries_Workers_AuthorWorkerId",
                        column: x => x.AuthorWorkerId,
                        principalTable: "Workers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MissingEpisodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    From = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReturnedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WhereFrom = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    WhereFound = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    PoliceReference = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    Risk = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    WhatHappened = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReportedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MissingEpisodes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MissingEpisodes_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PeriodsOfCare",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AuthorisedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonCeasedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    CategoryOfNeedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    IsUnaccompaniedAsylumSeeker = table.Column<bool>(type: "boolean", nullable: false),
                    UascCeasedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    HomePostcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    InvolvementId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "Places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    IsOfConcern = table.Column<bool>(type: "boolean", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Places", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PreProceedings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    DecisionDate = table.Column<DateOnly>(type: "date", nullable: false),
                    LetterBeforeProceedingsDate = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ProgressDueDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ParentsProgress = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PreProceedings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StatutoryVisits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: true),
                    VisitDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildSeen = table.Column<bool>(type: "boolean", nullable: false),
                    SeenAlone = table.Column<bool>(type: "boolean", nullable: false),
                    VisitedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "StrategyDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Concerns = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    StartSection47 = table.Column<bool>(type: "boolean", nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ImmediateSafetyPlan = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyDiscussions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StrategyDiscussions_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentFactors",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AssessmentId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentFactors", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentFactors_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CourtHearings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CareProceedingsId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactArrangementId = table.Column<int>(type: "integer", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    TookPlace = table.Column<bool>(type: "boolean", nullable: false),
                    HowItWent = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
                name: "ContactChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    LevelOfNeed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Rationale = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SignedOffByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    ReferralId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgencyName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Rag = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DueAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    RespondedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Response = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    ResponseRecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactId = table.Column<int>(type: "integer", nullable: false),
                    ActionsTaken = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    AcknowledgedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AcknowledgedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "EarlyHelpPlanActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EpisodeId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpPlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpPlanActions_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EarlyHelpReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EpisodeId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EarlyHelpReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EarlyHelpReviews_EarlyHelpEpisodes_EpisodeId",
                        column: x => x.EpisodeId,
                        principalTable: "EarlyHelpEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LadoCases",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsVolunteer = table.Column<bool>(type: "boolean", nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmployerSector = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferrerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ReferrerOrganisation = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Allegation = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    ConsideredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Decision = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    DecisionRationale = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    ConsideredByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    OutcomeOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReferredToDbs = table.Column<bool>(type: "boolean", nullable: false),
                    ReferredToRegulator = table.Column<bool>(type: "boolean", nullable: false),
                    RegulatorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    OutcomeNotes = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoCases_LadoPeople_PersonId",
                        column: x => x.PersonId,
                        principalTable: "LadoPeople",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReturnHomeInterviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MissingEpisodeId = table.Column<int>(type: "integer", nullable: false),
                    OfferedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    OfferedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Independent = table.Column<bool>(type: "boolean", nullable: false),
                    Response = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DeclinedReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PushFactors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PullFactors = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PeopleAndPlaces = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ExploitationIndicators = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    SharedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SharedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnHomeInterviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnHomeInterviews_MissingEpisodes_MissingEpisodeId",
                        column: x => x.MissingEpisodeId,
                        principalTable: "MissingEpisodes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LookedAfterReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    PeriodOfCareId = table.Column<int>(type: "integer", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChairWorkerId = table.Column<int>(type: "integer", nullable: false),
                    ParticipationCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    AdvocacyOffered = table.Column<bool>(type: "boolean", nullable: false),
                    AdvocacyTakenUp = table.Column<bool>(type: "boolean", nullable: false),
                    LongTermPlacementAgreed = table.Column<bool>(type: "boolean", nullable: false),
                    Decisions = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    LetterToChild = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    PeriodOfCareId = table.Column<int>(type: "integer", nullable: false),
                    PlacementTypeCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ProviderCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    CarerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SameCarerAsPlacementId = table.Column<int>(type: "integer", nullable: true),
                    AddressLine1 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AddressLine2 = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Town = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Postcode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Urn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    DistanceFromHomeMiles = table.Column<decimal>(type: "numeric(6,1)", precision: 6, scale: 1, nullable: true),
                    InsideCouncilArea = table.Column<bool>(type: "boolean", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonForChangeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    Matching = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    LongTermAgreedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "Associations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    OtherPersonId = table.Column<int>(type: "integer", nullable: true),
                    PlaceId = table.Column<int>(type: "integer", nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Source = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Associations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Associations_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Associations_People_OtherPersonId",
                        column: x => x.OtherPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Associations_Places_PlaceId",
                        column: x => x.PlaceId,
                        principalTable: "Places",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Section47Enquiries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReferralId = table.Column<int>(type: "integer", nullable: false),
                    StrategyDiscussionId = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    InitialConferenceDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    CompletedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    OutcomeSummary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    InitialConferenceDate = table.Column<DateOnly>(type: "date", nullable: true),
                    CompletedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section47Enquiries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_Referrals_ReferralId",
                        column: x => x.ReferralId,
                        principalTable: "Referrals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Section47Enquiries_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StrategyParticipant",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StrategyDiscussionId = table.Column<int>(type: "integer", nullable: false),
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Role = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StrategyParticipant", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StrategyParticipant_StrategyDiscussions_StrategyDiscussionId",
                        column: x => x.StrategyDiscussionId,
                        principalTable: "StrategyDiscussions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LadoCaseChildren",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LadoCaseId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: true),
                    Description = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoCaseChildren", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoCaseChildren_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_LadoCaseChildren_People_ChildId",
                        column: x => x.ChildId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LadoMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LadoCaseId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Summary = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoMeetings_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Episodes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PeriodOfCareId = table.Column<int>(type: "integer", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReasonForNewEpisodeCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    LegalStatusCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    PlacementId = table.Column<int>(type: "integer", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ReasonEpisodeCeasedCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    ReasonPlaceChangeCode = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SupersededAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SupersededByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    CorrectionReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "LadoActions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    LadoMeetingId = table.Column<int>(type: "integer", nullable: false),
                    LadoCaseId = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LadoActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LadoActions_LadoCases_LadoCaseId",
                        column: x => x.LadoCaseId,
                        principalTable: "LadoCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_LadoActions_LadoMeetings_LadoMeetingId",
                        column: x => x.LadoMeetingId,
                        principalTable: "LadoMeetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals",
                column: "ContactId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentFactors_AssessmentId_Code",
                table: "AssessmentFactors",
                columns: new[] { "AssessmentId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ChildId_AuthorisedDate",
                table: "Assessments",
                columns: new[] { "ChildId", "AuthorisedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_FamilyAssessmentId",
                table: "Assessments",
                column: "FamilyAssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ReferralId",
                table: "Assessments",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_SubmissionId",
                table: "Assessments",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Associations_ChildId_StartDate",
                table: "Associations",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Associations_OtherPersonId_StartDate",
                table: "Associations",
                columns: new[] { "OtherPersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Associations_PlaceId_StartDate",
                table: "Associations",
                columns: new[] { "PlaceId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Associations_StartDate_Kind",
                table: "Associations",
                columns: new[] { "StartDate", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_CareProceedings_ChildId",
                table: "CareProceedings",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_ContactArrangements_ChildId",
                table: "ContactArrangements",
                column: "ChildId");

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
                name: "IX_ContactSessions_ContactArrangementId",
                table: "ContactSessions",
                column: "ContactArrangementId");

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
                name: "IX_CourtHearings_CareProceedingsId",
                table: "CourtHearings",
                column: "CareProceedingsId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_ChildId_StartDate",
                table: "EarlyHelpEpisodes",
                columns: new[] { "ChildId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_SteppedDownFromReferralId",
                table: "EarlyHelpEpisodes",
                column: "SteppedDownFromReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpEpisodes_SteppedUpReferralId",
                table: "EarlyHelpEpisodes",
                column: "SteppedUpReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpPlanActions_EpisodeId",
                table: "EarlyHelpPlanActions",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EarlyHelpReviews_EpisodeId",
                table: "EarlyHelpReviews",
                column: "EpisodeId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_ChildId_Kind_Date",
                table: "EducationRecords",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_RecordedByWorkerId",
                table: "EducationRecords",
                column: "RecordedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_EducationRecords_SubmissionId",
                table: "EducationRecords",
                column: "SubmissionId",
                unique: true);

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
                name: "IX_HealthRecords_ChildId_Kind_Date",
                table: "HealthRecords",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_RecordedByWorkerId",
                table: "HealthRecords",
                column: "RecordedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_HealthRecords_SubmissionId",
                table: "HealthRecords",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IroVisits_ChildId_VisitDate",
                table: "IroVisits",
                columns: new[] { "ChildId", "VisitDate" });

            migrationBuilder.CreateIndex(
                name: "IX_IroVisits_IroWorkerId",
                table: "IroVisits",
                column: "IroWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoActions_LadoCaseId_CompletedOn",
                table: "LadoActions",
                columns: new[] { "LadoCaseId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_LadoActions_LadoMeetingId",
                table: "LadoActions",
                column: "LadoMeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCaseChildren_ChildId",
                table: "LadoCaseChildren",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCaseChildren_LadoCaseId",
                table: "LadoCaseChildren",
                column: "LadoCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCases_PersonId",
                table: "LadoCases",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_LadoCases_ReceivedOn",
                table: "LadoCases",
                column: "ReceivedOn");

            migrationBuilder.CreateIndex(
                name: "IX_LadoMeetings_LadoCaseId",
                table: "LadoMeetings",
                column: "LadoCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_AuthorWorkerId",
                table: "LifeStoryEntries",
                column: "AuthorWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_ChildId_Kind_Date",
                table: "LifeStoryEntries",
                columns: new[] { "ChildId", "Kind", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_LifeStoryEntries_SubmissionId",
                table: "LifeStoryEntries",
                column: "SubmissionId",
                unique: true);

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
                name: "IX_MashChecks_ContactId_DueAt",
                table: "MashChecks",
                columns: new[] { "ContactId", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MashChecks_RequestedByWorkerId",
                table: "MashChecks",
                column: "RequestedByWorkerId");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ChildId_StartedAt",
                table: "MissingEpisodes",
                columns: new[] { "ChildId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_ReturnedAt",
                table: "MissingEpisodes",
                column: "ReturnedAt");

            migrationBuilder.CreateIndex(
                name: "IX_MissingEpisodes_SubmissionId",
                table: "MissingEpisodes",
                column: "SubmissionId",
                unique: true);

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
                name: "IX_ReturnHomeInterviews_MissingEpisodeId",
                table: "ReturnHomeInterviews",
                column: "MissingEpisodeId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_ChildId_CompletedDate",
                table: "Section47Enquiries",
                columns: new[] { "ChildId", "CompletedDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_ReferralId",
                table: "Section47Enquiries",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_Section47Enquiries_StrategyDiscussionId",
                table: "Section47Enquiries",
                column: "StrategyDiscussionId",
                unique: true);

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

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ChildId_Date",
                table: "StrategyDiscussions",
                columns: new[] { "ChildId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_ReferralId",
                table: "StrategyDiscussions",
                column: "ReferralId");

            migrationBuilder.CreateIndex(
                name: "IX_StrategyDiscussions_SubmissionId",
                table: "StrategyDiscussions",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategyParticipant_StrategyDiscussionId",
                table: "StrategyParticipant",
                column: "StrategyDiscussionId");

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
                name: "AssessmentFactors");

            migrationBuilder.DropTable(
                name: "Associations");

            migrationBuilder.DropTable(
                name: "ContactChildren");

            migrationBuilder.DropTable(
                name: "ContactSessions");

            migrationBuilder.DropTable(
                name: "CourtHearings");

            migrationBuilder.DropTable(
                name: "EarlyHelpPlanActions");

            migrationBuilder.DropTable(
                name: "EarlyHelpReviews");

            migrationBuilder.DropTable(
                name: "EducationRecords");

            migrationBuilder.DropTable(
                name: "Episodes");

            migrationBuilder.DropTable(
                name: "HealthRecords");

            migrationBuilder.DropTable(
                name: "IroVisits");

            migrationBuilder.DropTable(
                name: "LadoActions");

            migrationBuilder.DropTable(
                name: "LadoCaseChildren");

            migrationBuilder.DropTable(
                name: "LifeStoryEntries");

            migrationBuilder.DropTable(
                name: "LookedAfterReviews");

            migrationBuilder.DropTable(
                name: "MashChecks");

            migrationBuilder.DropTable(
                name: "OutOfHoursHandovers");

            migrationBuilder.DropTable(
                name: "PreProceedings");

            migrationBuilder.DropTable(
                name: "ReturnHomeInterviews");

            migrationBuilder.DropTable(
                name: "Section47Enquiries");

            migrationBuilder.DropTable(
                name: "StatutoryVisits");

            migrationBuilder.DropTable(
                name: "StrategyParticipant");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "Places");

            migrationBuilder.DropTable(
                name: "ContactArrangements");

            migrationBuilder.DropTable(
                name: "CareProceedings");

            migrationBuilder.DropTable(
                name: "EarlyHelpEpisodes");

            migrationBuilder.DropTable(
                name: "Placements");

            migrationBuilder.DropTable(
                name: "LadoMeetings");

            migrationBuilder.DropTable(
                name: "Contacts");

            migrationBuilder.DropTable(
                name: "MissingEpisodes");

            migrationBuilder.DropTable(
                name: "StrategyDiscussions");

            migrationBuilder.DropTable(
                name: "PeriodsOfCare");

            migrationBuilder.DropTable(
                name: "LadoCases");

            migrationBuilder.DropTable(
                name: "LadoPeople");

            migrationBuilder.DropIndex(
                name: "IX_Referrals_ContactId",
                table: "Referrals");

            migrationBuilder.DropColumn(
                name: "ContactId",
                table: "Referrals");
        }
    }
}
