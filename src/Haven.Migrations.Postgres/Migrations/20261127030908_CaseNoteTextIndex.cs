using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CaseNoteTextIndex : Migration
    {
        /// <summary>
        /// A full-text index on case note text (CaseNoteMentions: the subject access request's
        /// mentions by name): a GIN index on the expression to_tsvector('simple', Subject || ' ' || Body),
        /// which PostgreSQL keeps with every write. The query must use the same expression to use it
        /// (CaseNoteMentionTests plans it).
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_CaseNotes_Text" ON "CaseNotes" USING GIN (to_tsvector('simple'::regconfig, "Subject" || ' ' || "Body"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_CaseNotes_Text";""");
        }
    }
}
