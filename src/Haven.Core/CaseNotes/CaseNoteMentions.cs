using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CaseNotes;

/// Case notes whose subject or text mention a person by name, found through the full-text index on
/// case note text (migration CaseNoteTextIndex), never by reading every note: a large council holds
/// millions, and the subject access page asks on every view.
///
/// What counts as a mention: the person's words ("Jo Smith") appearing together and in that order
/// in a note's subject or body, as whole words, in any case ("JO SMITH", "Jo Smith's"); not as part
/// of a longer word ("Jo Smithson" does not mention Jo Smith). Accents count ("Zoë" is not "Zoe").
///  - SQLite: an FTS5 table over CaseNotes (external content, "CaseNoteText"), kept by triggers on
///    insert, update and delete of a note, queried with a phrase.
///  - PostgreSQL: a GIN index on to_tsvector('simple', Subject || ' ' || Body) ('simple': words
///    lower-cased, no stemming, no stop words), queried with phraseto_tsquery('simple', name).
/// CaseNoteMentionTests holds both to their index (plan guard) and to what counts as a mention.
public static class CaseNoteMentions
{
    /// The SQLite FTS5 table (migration CaseNoteTextIndex).
    public const string SqliteTable = "CaseNoteText";

    /// Every note (soft-deleted ones too: they are still held) that mentions <paramref name="name"/>.
    public static IQueryable<CaseNote> Mentioning(HavenDbContext db, string name)
    {
        var notes = db.CaseNotes.IgnoreQueryFilters();
        if (db.Database.IsNpgsql())
            return notes.Where(n => EF.Functions.ToTsVector("simple", n.Subject + " " + n.Body)
                .Matches(EF.Functions.PhraseToTsQuery("simple", name)));
        var phrase = SqlitePhrase(name);
        if (phrase is null) return notes.Where(_ => false);
        var ids = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"CaseNoteText\" WHERE \"CaseNoteText\" MATCH {phrase}");
        return notes.Where(n => ids.Contains(n.Id));
    }

    /// The name as one FTS5 phrase: its words in double quotes (a quote inside doubled), so that
    /// nothing in a name is read as query syntax. Null when the name has no word in it.
    public static string? SqlitePhrase(string name) =>
        name.Any(char.IsLetterOrDigit) ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : null;
}
