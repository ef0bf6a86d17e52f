using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CareLeavers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BirthdayReturns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Age = table.Column<int>(type: "integer", nullable: false),
                    InTouchCode = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    ActivityCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    AccommodationCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ContactDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    WorkerId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Held = table.Column<bool>(type: "boolean", nullable: false),
                    CheckedDate = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                name: "EetPanelDiscussions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    PanelDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    OptionsConsidered = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Action = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActionOwnerWorkerId = table.Column<int>(type: "integer", nullable: false),
                    ActionDue = table.Column<DateOnly>(type: "date", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OutcomeDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "LocalOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LocalOffers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PathwayPlans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    NeedsAssessmentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    AgreedDate = table.Column<DateOnly>(type: "date", nullable: true),
                    Accommodation = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EducationAndWork = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Health = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    EmotionalWellbeing = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Relationships = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Money = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PracticalSkills = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Identity = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewedByWorkerId = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "SignificantChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EventDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Details = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedByWorkerId = table.Column<int>(type: "integer", nullable: true),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "StayingPutArrangements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ChildId = table.Column<int>(type: "integer", nullable: false),
                    CarerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "uuid", nullable: true)
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
                name: "IX_SignificantChanges_ChildId_EventDate",
                table: "SignificantChanges",
                columns: new[] { "ChildId", "EventDate" });

            migrationBuilder.CreateIndex(
                name: "IX_SignificantChanges_SubmissionId",
                table: "SignificantChanges",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StayingPutArrangements_ChildId",
                table: "StayingPutArrangements",
                column: "ChildId");

            migrationBuilder.CreateIndex(
                name: "IX_StayingPutArrangements_SubmissionId",
                table: "StayingPutArrangements",
                column: "SubmissionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BirthdayReturns");

            migrationBuilder.DropTable(
                name: "CareLeaverContacts");

            migrationBuilder.DropTable(
                name: "CareLeaverDocuments");

            migrationBuilder.DropTable(
                name: "EetPanelDiscussions");

            migrationBuilder.DropTable(
                name: "LocalOffers");

            migrationBuilder.DropTable(
                name: "PathwayPlans");

            migrationBuilder.DropTable(
                name: "PathwayReviews");

            migrationBuilder.DropTable(
                name: "SignificantChanges");

            migrationBuilder.DropTable(
                name: "StayingPutArrangements");
        }
    }
}
