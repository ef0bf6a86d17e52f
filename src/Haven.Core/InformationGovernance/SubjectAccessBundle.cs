using System.Data.Common;
using System.Globalization;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.People;
using Haven.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Haven.Core.InformationGovernance;

/// One row Haven holds that names the subject. Rows that also name other people, or hold free text
/// that may, are marked for redaction review (access-practice.md §10: professionals acting in
/// their job are not normally redacted, so workers are not counted as third parties).
public sealed record BundleRow(IReadOnlyDictionary<string, object?> Values, IReadOnlyList<int> OtherPeople, IReadOnlyList<string> FreeTextColumns)
{
    public bool ReviewForRedaction => OtherPeople.Count > 0 || FreeTextColumns.Count > 0;

    /// The row's free text cut into passages, each marked on its own when it names a third party,
    /// so the reviewer redacts the sentence about the neighbour, not the whole record.
    public IReadOnlyList<BundlePassage> Passages { get; init; } = [];
}

/// One passage (a sentence, within its paragraph) of a free-text column, and the third parties it
/// names. Marked for redaction review when it names anyone; the rest of the text is disclosed.
public sealed record BundlePassage(string Column, int Paragraph, int Sentence, string Text, IReadOnlyList<string> Names)
{
    public bool ReviewForRedaction => Names.Count > 0;
}

/// Cuts free text into passages and finds, in each, the third parties it names: by full name, or
/// by first or last name alone as a whole word (over-marking is safer than missing someone; the
/// reviewer decides). The subject's own names never count.
public static class SubjectAccessPassages
{
    private static readonly System.Text.RegularExpressions.Regex Paragraphs = new(@"\r?\n\s*", System.Text.RegularExpressions.RegexOptions.Compiled);
    private static readonly System.Text.RegularExpressions.Regex Sentences = new(@"(?<=[.!?])\s+(?=\S)", System.Text.RegularExpressions.RegexOptions.Compiled);

    public static IReadOnlyList<BundlePassage> Mark(string column, string text, IReadOnlyList<ThirdParty> thirdParties, string subjectName)
    {
        var own = subjectName.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var patterns = thirdParties.Select(t => (t.Name, Words: t.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.Length > 1 && !own.Contains(w)).Prepend(t.Name).Distinct(StringComparer.OrdinalIgnoreCase)
                .Select(w => new System.Text.RegularExpressions.Regex($@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(w)}(?![\p{{L}}\p{{N}}])",
                    System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)).ToList()))
            .ToList();
        var passages = new List<BundlePassage>();
        var paragraph = 0;
        foreach (var para in Paragraphs.Split(text.Trim()))
        {
            if (para.Length == 0) continue;
            paragraph++;
            var sentence = 0;
            foreach (var s in Sentences.Split(para))
            {
                sentence++;
                var names = patterns.Where(p => p.Words.Any(w => w.IsMatch(s))).Select(p => p.Name).Distinct().ToList();
                passages.Add(new BundlePassage(column, paragraph, sentence, s, names));
            }
        }
        return passages;
    }
}

/// The rows of one kind of record, and in which column(s) the subject is named there.
public sealed record BundleSection(string Record, string Table, IReadOnlyList<string> NamedIn, IReadOnlyList<BundleRow> Rows);

public sealed record ThirdParty(int PersonId, string HavenId, string Name, string Kind);

public sealed record AccessLogLine(DateTime At, string UserName, string Action, string Resource);

/// A kind of record held about the subject but left out of the bundle, and why.
public sealed record WithheldSection(string Record, string Table, int Rows, string Reason);

/// Everything Haven holds that names one person, as the child, as a parent or relative, as a
/// carer or as anyone else recorded: gathered from the data model itself, so a record kind added
/// later is included without changing this code. Soft-deleted rows are included (they are still
/// held). Case notes on other children's records that mention the person by name are included as
/// mentions, and who has viewed the person's record comes from the access log.
public sealed record SubjectAccessBundle(
    int PersonId, string HavenId, string Name, DateTime GatheredAt,
    IReadOnlyList<BundleSection> Sections, IReadOnlyList<BundleSection> Mentions,
    IReadOnlyList<ThirdParty> ThirdParties, IReadOnlyList<AccessLogLine> Viewed)
{
    /// Records held but not gathered, with the reason (a sealed adoptee's adoption records).
    public IReadOnlyList<WithheldSection> Withheld { get; init; } = [];

    public int Rows => Sections.Sum(s => s.Rows.Count) + Mentions.Sum(s => s.Rows.Count);
    public int RowsForRedactionReview => Sections.Concat(Mentions).Sum(s => s.Rows.Count(r => r.ReviewForRedaction));
    public int PassagesForRedactionReview => Sections.Concat(Mentions).Sum(s => s.Rows.Sum(r => r.Passages.Count(p => p.ReviewForRedaction)));
}

public static class SubjectAccessGatherer
{
    // Derived or system tables: the search index repeats the name; the access log is given separately.
    private static readonly HashSet<Type> Skipped = [typeof(PersonSearchKey), typeof(AccessLogEntry), typeof(Person)];

    /// A sealed adoptee's adoption records are not disclosed through subject access: adopted adults
    /// and birth relatives use the Adoption and Children Act 2002 s56-65 routes, with counselling
    /// (access-practice.md §5 and §10). The bundle says they exist and were withheld.
    private static readonly HashSet<Type> AdoptionRecords = [typeof(Permanence.AdoptionCase)];

    public const string AdoptionWithheldReason = "Sealed adoption record: not disclosed by subject access. Adopted adults and birth relatives apply "
        + "through the adoption agency under the Adoption and Children Act 2002 sections 56 to 65, with counselling.";

    /// Who has viewed or changed the person's record, oldest first, from the access log: the
    /// entries about them, found through the (ChildId, At) index (AccessLogPlanTests), never by
    /// reading the log, which holds millions of entries at a large council.
    public static IQueryable<AccessLogLine> Viewed(HavenDbContext db, int personId) =>
        db.AccessLog.AsNoTracking().Where(e => e.ChildId == personId).OrderBy(e => e.Sequence)
            .Select(e => new AccessLogLine(e.At, e.UserName, e.Action.ToString(), e.Resource));

    /// Columns that name a person: foreign keys to Person, and integer columns named …ChildId or
    /// …PersonId (some feature tables keep the id without a navigation).
    public static IReadOnlyList<(IEntityType Type, IReadOnlyList<IProperty> PersonColumns)> PersonReferences(IModel model)
    {
        var person = model.FindEntityType(typeof(Person))!;
        var result = new List<(IEntityType, IReadOnlyList<IProperty>)>();
        foreach (var type in model.GetEntityTypes().OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
        {
            if (type.IsOwned() || type.GetTableName() is null || Skipped.Contains(type.ClrType)) continue;
            var columns = type.GetProperties().Where(p =>
                    type.GetForeignKeys().Any(fk => fk.PrincipalEntityType == person && fk.Properties.Contains(p))
                    || (p.ClrType == typeof(int) || p.ClrType == typeof(int?)) && (p.Name.EndsWith("ChildId", StringComparison.Ordinal) || p.Name.EndsWith("PersonId", StringComparison.Ordinal)))
                .ToList();
            if (columns.Count > 0) result.Add((type, columns));
        }
        return result;
    }

    public static async Task<SubjectAccessBundle?> GatherAsync(HavenDbContext db, int personId, DateTime now, CancellationToken ct = default)
    {
        var subject = await db.People.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        if (subject is null) return null;
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var sections = new List<BundleSection>();
            string Equal(IEnumerable<string> columns) => string.Join(" OR ", columns.Select(c => $"{sql.DelimitIdentifier(c)} = @id"));
            var subjectRow = await ReadAsync(db, connection, sql, db.Model.FindEntityType(typeof(Person))!, Equal(["Id"]), personId, [], [], ct);
            sections.Add(new BundleSection("Person", db.Model.FindEntityType(typeof(Person))!.GetTableName()!, ["Id"], subjectRow));
            var sealedAdoptee = await db.AdoptionCases.IgnoreQueryFilters().AnyAsync(a => a.ChildId == personId && a.SealedAt != null, ct);
            var withheld = new List<WithheldSection>();
            foreach (var (type, columns) in PersonReferences(db.Model))
            {
                var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
                var names = columns.Select(c => c.GetColumnName(table)!).ToList();
                var rows = await ReadAsync(db, connection, sql, type, Equal(names), personId, names, FreeTextColumns(type, table), ct);
                if (rows.Count == 0) continue;
                if (sealedAdoptee && AdoptionRecords.Contains(type.ClrType))
                    withheld.Add(new WithheldSection(type.ClrType.Name, type.GetTableName()!, rows.Count, AdoptionWithheldReason));
                else sections.Add(new BundleSection(type.ClrType.Name, type.GetTableName()!, names, rows));
            }

            // Mentions by name on other children's case notes: free text the model cannot link.
            var name = $"{subject.FirstName} {subject.LastName}";
            // Through the full-text index on case note text (CaseNoteMentions says what counts as a mention).
            var mentionIds = await CaseNotes.CaseNoteMentions.Mentioning(db, name).AsNoTracking()
                .Where(n => n.ChildId != personId)
                .OrderBy(n => n.Id).Select(n => n.Id).Take(5000).ToListAsync(ct);
            var mentions = new List<BundleSection>();
            if (mentionIds.Count > 0)
            {
                var noteType = db.Model.FindEntityType(typeof(CaseNotes.CaseNote))!;
                var table = StoreObjectIdentifier.Table(noteType.GetTableName()!, noteType.GetSchema());
                var rows = new List<BundleRow>();
                var idColumn = sql.DelimitIdentifier(noteType.FindProperty("Id")!.GetColumnName(table)!);
                var childColumn = noteType.FindProperty("ChildId")!.GetColumnName(table)!;
                // In batches, one query each; the ids are integers read just above.
                foreach (var batch in mentionIds.Chunk(500))
                    rows.AddRange(await ReadAsync(db, connection, sql, noteType, $"{idColumn} IN ({string.Join(",", batch)})", personId,
                        [childColumn], FreeTextColumns(noteType, table), ct));
                mentions.Add(new BundleSection("CaseNote (mentions by name)", noteType.GetTableName()!, ["Body", "Subject"], rows));
            }

            var others = sections.Concat(mentions).SelectMany(s => s.Rows).SelectMany(r => r.OtherPeople).Distinct().ToList();
            var thirdParties = (await db.People.IgnoreQueryFilters().AsNoTracking().Where(p => others.Contains(p.Id))
                    .Select(p => new { p.Id, p.FirstName, p.LastName, p.Kind }).ToListAsync(ct))
                .OrderBy(p => p.Id).Select(p => new ThirdParty(p.Id, HavenIds.Format(p.Id), $"{p.FirstName} {p.LastName}", p.Kind.ToString())).ToList();

            // Each free-text passage marked on its own for the people it names.
            IReadOnlyList<BundleSection> WithPassages(List<BundleSection> list) => list.Select(section => section with
            {
                Rows = section.Rows.Select(r => r.FreeTextColumns.Count == 0 ? r : r with
                {
                    Passages = r.FreeTextColumns.SelectMany(c => r.Values.TryGetValue(c, out var v) && v is string text
                        ? SubjectAccessPassages.Mark(c, text, thirdParties, name) : []).ToList(),
                }).ToList(),
            }).ToList();

            var viewed = await Viewed(db, personId).ToListAsync(ct);

            return new SubjectAccessBundle(personId, HavenIds.Format(personId), name, now, WithPassages(sections), WithPassages(mentions), thirdParties, viewed) { Withheld = withheld };
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    // Long text fields can name anyone: they are flagged for a reviewer to read.
    private static List<string> FreeTextColumns(IEntityType type, StoreObjectIdentifier table) =>
        type.GetProperties().Where(p => p.ClrType == typeof(string) && (p.GetMaxLength() is null or >= 500))
            .Select(p => p.GetColumnName(table)!).ToList();

    /// Reads the rows of one table that match <paramref name="where"/> (which may use @id, the subject).
    /// Values in <paramref name="personColumns"/> other than the subject are the other people a row names.
    private static async Task<List<BundleRow>> ReadAsync(HavenDbContext db, DbConnection connection, ISqlGenerationHelper sql, IEntityType type,
        string where, int subject, IReadOnlyList<string> personColumns, IReadOnlyList<string> freeText, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@id";
        parameter.Value = subject;
        command.Parameters.Add(parameter);
        command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(type.GetTableName()!, type.GetSchema())} WHERE {where}";
        var rows = new List<BundleRow>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) values[reader.GetName(i)] = Plain(reader.IsDBNull(i) ? null : reader.GetValue(i));
            var others = personColumns.Where(values.ContainsKey).Select(c => values[c]).OfType<long>().Select(v => (int)v)
                .Where(v => v != subject).Distinct().ToList();
            var text = freeText.Where(c => values.TryGetValue(c, out var v) && v is string { Length: > 0 }).ToList();
            rows.Add(new BundleRow(values, others, text));
        }
        return rows;
    }

    // One plain form for every provider: integers as long, times as ISO text, bytes as base64.
    private static object? Plain(object? value) => value switch
    {
        null => null,
        int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        long l => l,
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFZ", CultureInfo.InvariantCulture),
        byte[] b => Convert.ToBase64String(b),
        bool or string or double or decimal or float => value,
        Guid g => g.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
