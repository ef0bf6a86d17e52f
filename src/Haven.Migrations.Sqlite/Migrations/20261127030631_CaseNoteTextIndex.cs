using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Haven.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CaseNoteTextIndex : Migration
    {
        /// <summary>
        /// A full-text index on case note text (CaseNoteMentions: the subject access request's
        /// mentions by name): an FTS5 table over CaseNotes' Subject and Body (external content: the
        /// text is not stored twice), filled from the notes already held, and triggers that keep it
        /// in step with every insert, update and delete of a note. A later migration that rebuilds
        /// CaseNotes (SQLite's table rebuild) drops these triggers and must create them again:
        /// CaseNoteMentionTests fails if a note added through the app is not found at once.
        /// </summary>
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE "CaseNoteText" USING fts5("Subject", "Body", content='CaseNotes', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""INSERT INTO "CaseNoteText"("CaseNoteText") VALUES ('rebuild');""");
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseNotes_Text_Insert" AFTER INSERT ON "CaseNotes" BEGIN
                    INSERT INTO "CaseNoteText"(rowid, "Subject", "Body") VALUES (new."Id", new."Subject", new."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseNotes_Text_Delete" AFTER DELETE ON "CaseNotes" BEGIN
                    INSERT INTO "CaseNoteText"("CaseNoteText", rowid, "Subject", "Body") VALUES ('delete', old."Id", old."Subject", old."Body");
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "CaseNotes_Text_Update" AFTER UPDATE OF "Id", "Subject", "Body" ON "CaseNotes" BEGIN
                    INSERT INTO "CaseNoteText"("CaseNoteText", rowid, "Subject", "Body") VALUES ('delete', old."Id", old."Subject", old."Body");
                    INSERT INTO "CaseNoteText"(rowid, "Subject", "Body") VALUES (new."Id", new."Subject", new."Body");
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseNotes_Text_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseNotes_Text_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "CaseNotes_Text_Insert";""");
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "CaseNoteText";""");
        }
    }
}
