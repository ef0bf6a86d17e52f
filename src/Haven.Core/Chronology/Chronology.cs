using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Chronology;

/// One event in a child's chronology. Category is what the chronology filters on.
public sealed record ChronologyItem(DateTime At, bool HasTime, string Category, string Title, string? Detail, string? By, string? Link);

/// A kind of record that contributes events to the chronology. Each service registers its own,
/// so the chronology is always built from what is recorded, never kept as a separate copy.
public interface IChronologySource
{
    string Category { get; }
    Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct);

    /// Whether the child has any row this source reads (db, child id): true whenever ForChildAsync
    /// would return an event (it may be true when it returns none). ChronologyBuilder asks every
    /// source's test in its shared statement and reads only the sources whose test is true: most
    /// children have nothing in most sources, and each source read is a round trip. On PostgreSQL
    /// an IChronologyRowSource is read in that statement itself, so its test is not asked (its read
    /// of no rows costs what the test would); on SQLite every source's test is asked first, in one
    /// SELECT, and only the sources whose test is true are read (ChronologyRow.ReadAsync). Null: always read.
    Expression<Func<HavenDbContext, int, bool>>? HasRows => null;
}

/// A source with too many events to load whole for every view (a busy child has thousands of case
/// notes). It counts its events and reads a slice of them in the database, in the order ForChildAsync
/// returns them: newest first, then a stable tiebreak of its own.
public interface IPagedChronologySource : IChronologySource
{
    Task<int> CountAsync(int childId, CancellationToken ct);

    /// CountAsync's number as an expression (db, child id), so ChronologyBuilder asks it in the same
    /// query as the sources' HasRows tests instead of a statement of its own. It must count exactly
    /// the events ForChildAsync returns. Null: CountAsync is called.
    Expression<Func<HavenDbContext, int, int>>? Counted => null;

    Task<IReadOnlyList<ChronologyItem>> SliceAsync(int childId, int skip, int take, CancellationToken ct);

    /// The rows of its first `take` events (db, child id, source, take) in ChronologyRow's shape, each
    /// row's Part ChronologyRow.Head: the first page's slice (which starts at 0 and takes at most a page,
    /// whatever the other sources hold), read in the shared statement instead of one of its own.
    /// Null: the first page is read with SliceAsync like any other.
    Expression<Func<HavenDbContext, int, int, int, IQueryable<ChronologyRow>>>? Head => null;

    /// Head's rows as events, in SliceAsync's order.
    IReadOnlyList<ChronologyItem> HeadItems(IReadOnlyList<ChronologyRow> rows) => throw new NotSupportedException();
}

/// A source whose events are built from one read of rows in ChronologyRow's common shape, so that
/// ChronologyBuilder reads every such source the child has rows in with one statement (a UNION ALL
/// of their reads) instead of a statement each: on PostgreSQL each statement is a round trip, with
/// its own per-statement work in .NET and in the server. ForChildAsync reads the same rows alone.
public interface IChronologyRowSource : IChronologySource
{
    /// The child's rows (db, child id, source): each row's Source is the third parameter, so the
    /// builder can tell the sources' rows apart in the shared read. Text goes through
    /// ChronologyRow.Text (one store type for every source's text, as a UNION requires).
    Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows { get; }

    /// The events of this source's rows (read alone or in the shared read, in the database's order).
    IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows);
}

/// A row of an IChronologyRowSource's read: the source it belongs to, which of the source's reads
/// (Part, for a source that reads several tables), and slots each source fills
/// with its own values in its own way (null where unused): dates (On, Until), a time (At, UTC),
/// text (A-D), numbers (N, M) and flags. The slots have one CLR type each, and every text slot is
/// cast to one store type (Text), so several sources' reads can be one UNION ALL.
public sealed record ChronologyRow(int Source, int Part, DateOnly? On, DateOnly? Until, string? A, string? B, string? C, int? N, int? M, bool? Flag, bool? Flag2, DateTime? At, string? D)
{
    /// The Part of a row that answers for a source not read in the shared statement: N is its
    /// count (IPagedChronologySource.Counted) or 1/0 (its HasRows test).
    public const int Probe = -1;

    /// The Part of a paged source's first rows (IPagedChronologySource.Head).
    public const int Head = -2;

    /// A text value cast to the database's plain text type (SQL only, registered in HavenDbContext):
    /// PostgreSQL's columns are character varying(n) with each its own n, and EF refuses a UNION
    /// whose matching columns' store types differ. Enums stored as text are passed as ToString().
    public static string? Text(string? value) => throw new NotSupportedException("ChronologyRow.Text is translated to SQL only.");

    /// At as UTC: SQLite gives DateTime back unspecified, and a union column typed from a null in its
    /// first branch may not carry the model's UTC converter.
    public DateTime Utc => DateTime.SpecifyKind(At!.Value, DateTimeKind.Utc);

    /// The shared reads of a set of sources, compiled once per model, set and what is asked of each.
    private static readonly CompiledPerModel<string, Func<HavenDbContext, int, int, IAsyncEnumerable<ChronologyRow>>?> Shared = new(maxKept: 256);

    /// What a shared statement asks of one source: its rows, its check (a Probe row) or its first page (Head).
    private enum Ask { Rows, Check, Head }

    /// Every row of the given sources that are IChronologyRowSources (rows[i] are sources[i]'s), and
    /// for each of the others one Probe row with its count (paged sources that can count themselves in
    /// SQL) or its HasRows test (probes[i], null for a source with neither, or when the child's person
    /// record was not found). With head > 0, also the first `head` events' rows of each paged source
    /// that has a Head (in rows[i]). No statement when no source has a read, a count or a test.
    /// On PostgreSQL this is one statement (a UNION ALL): each statement is a round trip, and a
    /// prepared statement is planned once. SQLite has no round trip but parses and plans every
    /// statement on every run, and a union of every source's read costs more to prepare than to run
    /// (at 50,000 children, 3.2 ms of CPU a view to 5-6 under load), so there the checks come first
    /// (one SELECT with a column each, its answer kept per child by ChronologyCheckCache when given)
    /// and then one UNION ALL of only the sources with rows.
    public static async Task<(List<ChronologyRow>[] Rows, int?[] Probes)> ReadAsync(HavenDbContext db, IReadOnlyList<IChronologySource> sources, int childId, int head,
        CancellationToken ct, ChronologyCheckCache? cache = null)
    {
        var rows = sources.Select(_ => new List<ChronologyRow>()).ToArray();
        var probes = new int?[sources.Count];
        // SQLite: the checks first, then only the sources whose check is not 0; PostgreSQL: the checks in the union.
        var checkFirst = db.Database.IsSqlite();
        if (checkFirst) await CheckAsync(db, sources, childId, probes, cache, ct);
        var asks = new List<(int Source, Ask Ask)>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (probes[i] is 0) continue;
            if (head > 0 && (sources[i] as IPagedChronologySource)?.Head is not null) asks.Add((i, Ask.Head));
            if (IsShared(sources[i])) asks.Add((i, Ask.Rows));
            else if (!checkFirst) asks.Add((i, Ask.Check));
        }
        await RunAsync(db, sources, asks, childId, head, rows, probes, ct);
        return (rows, probes);
    }

    /// The checks of every source that has one (its count, or 1/0 for its HasRows test), as one row
    /// of the child's person record with a column each (SQLite: one SELECT with a subquery per source
    /// prepares in a fraction of a UNION ALL of a SELECT each), into probes; none if the record is not found.
    private static readonly CompiledPerModel<string, (int[] Sources, Func<HavenDbContext, int, CancellationToken, Task<int[]?>> Query)?> Checks = new(maxKept: 128);

    private static async Task CheckAsync(HavenDbContext db, IReadOnlyList<IChronologySource> sources, int childId, int?[] probes, ChronologyCheckCache? cache, CancellationToken ct)
    {
        var key = string.Join("|", sources.Select(s => s.GetType().FullName));
        if (Checks.For(db, key, () => BuildChecks(sources)) is not { } c) return;
        var found = cache is null ? await c.Query(db, childId, ct) : await cache.GetAsync(childId, key, () => c.Query(db, childId, ct));
        if (found is null) return;
        for (var k = 0; k < c.Sources.Length; k++) probes[c.Sources[k]] = found[k];
    }

    private static (int[] Sources, Func<HavenDbContext, int, CancellationToken, Task<int[]?>> Query)? BuildChecks(IReadOnlyList<IChronologySource> sources)
    {
        var db = Expression.Parameter(typeof(HavenDbContext), "db");
        var id = Expression.Parameter(typeof(int), "childId");
        var asked = new List<int>();
        var columns = new List<Expression>();
        for (var i = 0; i < sources.Count; i++)
        {
            if (CheckValue(sources[i], db, id) is not { } value) continue;
            columns.Add(value);
            asked.Add(i);
        }
        if (asked.Count == 0) return null;
        var person = Expression.Parameter(typeof(People.Person), "p");
        var projection = Expression.Lambda<Func<People.Person, int[]>>(Expression.NewArrayInit(typeof(int), columns), person);
        // db.People.Where(p => p.Id == childId).Select(projection).FirstOrDefault(), db and childId the compiled query's parameters.
        var match = Expression.Lambda<Func<People.Person, bool>>(Expression.Equal(Expression.Property(person, nameof(People.Person.Id)), id), person);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(People.Person)], Expression.Property(db, nameof(HavenDbContext.People)), Expression.Quote(match));
        var select = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(People.Person), typeof(int[])], where, Expression.Quote(projection));
        var first = Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(int[])], select);
        var cancel = Expression.Parameter(typeof(CancellationToken), "ct");
        return ([.. asked], EF.CompileAsyncQuery(Expression.Lambda<Func<HavenDbContext, int, CancellationToken, int[]?>>(first, db, id, cancel))!);
    }

    private static async Task RunAsync(HavenDbContext db, IReadOnlyList<IChronologySource> sources, List<(int Source, Ask Ask)> asks, int childId, int head,
        List<ChronologyRow>[] rows, int?[] probes, CancellationToken ct)
    {
        if (asks.Count == 0) return;
        var key = string.Join("|", asks.Select(a => $"{sources[a.Source].GetType().FullName}:{a.Source}:{a.Ask}"));
        var query = Shared.For(db, key, () => Union(sources, asks));
        if (query is null) return;
        await foreach (var row in query(db, childId, head).WithCancellation(ct))
            if (row.Part == Probe) probes[row.Source] = row.N;
            else rows[row.Source].Add(row);
    }

    /// Whether a source is read in the shared statement (else it is only probed there, if at all).
    public static bool IsShared(IChronologySource source) => source is IChronologyRowSource and not IPagedChronologySource;

    /// One source's read alone (its ForChildAsync), compiled once per model.
    public static ChildRows<ChronologyRow> Alone(Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> rows) =>
        new(Expression.Lambda<Func<HavenDbContext, int, IQueryable<ChronologyRow>>>(
            Named.Instance.Visit(rows.Body.Replace(rows.Parameters[2], Expression.Constant(0))), rows.Parameters[0], rows.Parameters[1]));

    /// `new ChronologyRow(...)` with each argument named by its property, as an anonymous type's is:
    /// EF translates a set operation only over a projection whose columns it can name (otherwise it
    /// takes the constructor call as client code and refuses the UNION).
    private sealed class Named : ExpressionVisitor
    {
        public static readonly Named Instance = new();
        private static readonly System.Reflection.MemberInfo[] Members = typeof(ChronologyRow).GetConstructors().Single(c => c.GetParameters().Length == 13)
            .GetParameters().Select(p => (System.Reflection.MemberInfo)typeof(ChronologyRow).GetProperty(p.Name!)!).ToArray();

        protected override Expression VisitNew(NewExpression node) =>
            node.Type == typeof(ChronologyRow) && node.Members is null
                ? Expression.New(node.Constructor!, node.Arguments.Select(Visit)!, Members)
                : base.VisitNew(node);
    }

    private static Func<HavenDbContext, int, int, IAsyncEnumerable<ChronologyRow>>? Union(IReadOnlyList<IChronologySource> sources, IReadOnlyList<(int Source, Ask Ask)> asks)
    {
        var db = Expression.Parameter(typeof(HavenDbContext), "db");
        var id = Expression.Parameter(typeof(int), "childId");
        var take = Expression.Parameter(typeof(int), "take");
        Expression? union = null;
        foreach (var (i, ask) in asks)
        {
            // Each read of Rows or Head may build a new tree: take each one once, its parameters with its body.
            Expression read;
            if (ask == Ask.Head && (sources[i] as IPagedChronologySource)?.Head is { } first)
                read = first.Body.Replace(first.Parameters[0], db).Replace(first.Parameters[1], id).Replace(first.Parameters[2], Expression.Constant(i)).Replace(first.Parameters[3], take);
            else if (ask == Ask.Rows && sources[i] is IChronologyRowSource shared)
            {
                var rows = shared.Rows;
                read = rows.Body.Replace(rows.Parameters[0], db).Replace(rows.Parameters[1], id).Replace(rows.Parameters[2], Expression.Constant(i));
            }
            else if (ask == Ask.Check && CheckValue(sources[i], db, id) is { } value)
                read = ProbeRow(db, id, i, value);
            else continue;
            read = Named.Instance.Visit(read);
            union = union is null ? read : Expression.Call(typeof(Queryable), nameof(Queryable.Concat), [typeof(ChronologyRow)], union, read);
        }
        return union is null ? null : EF.CompileAsyncQuery(Expression.Lambda<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>>(union, db, id, take));
    }

    /// A source's check as an int over (db, childId): its count (IPagedChronologySource.Counted), else 1/0
    /// for its HasRows test; null when it has neither. The one place both shapes of the checks (a Probe
    /// row of PostgreSQL's union, a column of SQLite's checks SELECT) take it from. Each read of HasRows
    /// or Counted may build a new tree, so each is read once, its parameters with its body.
    private static Expression? CheckValue(IChronologySource source, ParameterExpression db, ParameterExpression id)
    {
        if ((source as IPagedChronologySource)?.Counted is { } count)
            return count.Body.Replace(count.Parameters[0], db).Replace(count.Parameters[1], id);
        if (source.HasRows is { } test)
            return Expression.Condition(test.Body.Replace(test.Parameters[0], db).Replace(test.Parameters[1], id), Expression.Constant(1), Expression.Constant(0));
        return null;
    }

    /// db.People.Where(p => p.Id == childId).Select(p => new ChronologyRow(source, Probe, ..., N: value, ...)):
    /// one row from the child's person record (none if it is not found), its N the source's count or test.
    private static Expression ProbeRow(ParameterExpression db, ParameterExpression id, int source, Expression value)
    {
        var person = Expression.Parameter(typeof(People.Person), "p");
        var match = Expression.Lambda<Func<People.Person, bool>>(Expression.Equal(Expression.Property(person, nameof(People.Person.Id)), id), person);
        var where = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(People.Person)], Expression.Property(db, nameof(HavenDbContext.People)), Expression.Quote(match));
        Expression Null<T>() => Expression.Constant(null, typeof(T));
        var row = Expression.New(typeof(ChronologyRow).GetConstructors().Single(c => c.GetParameters().Length == 13),
            Expression.Constant(source), Expression.Constant(Probe), Null<DateOnly?>(), Null<DateOnly?>(), Null<string>(), Null<string>(), Null<string>(),
            Expression.Convert(value, typeof(int?)), Null<int?>(), Null<bool?>(), Null<bool?>(), Null<DateTime?>(), Null<string>());
        var projection = Expression.Lambda<Func<People.Person, ChronologyRow>>(row, person);
        return Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(People.Person), typeof(ChronologyRow)], where, Expression.Quote(projection));
    }
}

/// One page of the chronology, and where it sits in the whole (after any filter).
public sealed record ChronologyPage(IReadOnlyList<ChronologyItem> Items, int Total, int PageNumber, int TotalPages);

public sealed class ChronologyBuilder(HavenDbContext db, IEnumerable<IChronologySource> sources, ChronologyCheckCache? checks = null)
{
    public IReadOnlyList<string> Categories { get; } = sources.Select(s => s.Category).Distinct().Order().ToList();

    /// Every event, newest first: for printing, the API and anything that must be complete.
    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, IReadOnlyCollection<string>? categories, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var read = await ReadAsync(childId, Chosen(categories).ToList(), 0, ct);
            var items = new List<ChronologyItem>();
            foreach (var r in read.Where(r => r.Count is not 0))
                items.AddRange(r.Loaded ?? await r.Source.ForChildAsync(childId, ct));
            return Order(items).ToList();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// One page of events, exactly as the same positions of ForChildAsync, without reading every event:
    /// paged sources are counted, then read only from where their events can reach this page.
    /// The connection is opened once for all of its statements (EF otherwise opens and closes it around each).
    public async Task<ChronologyPage> PageAsync(int childId, IReadOnlyCollection<string>? categories, int pageNumber, int pageSize, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadPageAsync(childId, categories, pageNumber, pageSize, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<ChronologyPage> ReadPageAsync(int childId, IReadOnlyCollection<string>? categories, int pageNumber, int pageSize, CancellationToken ct)
    {
        // The first page's slice of each paged source is known before the counts (it starts at 0 and
        // takes at most a page), so it is read in the shared statement.
        var head = pageNumber <= 1 ? pageSize : 0;
        var read = await ReadAsync(childId, Chosen(categories).ToList(), head, ct);
        var chosen = read.Select(r => r.Source).ToList();
        var counts = new int[chosen.Count];
        var loaded = read.Select(r => r.Loaded).ToArray();
        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i] is IPagedChronologySource paged) counts[i] = read[i].Count ?? await paged.CountAsync(childId, ct);
            else counts[i] = (loaded[i] ??= await chosen[i].ForChildAsync(childId, ct)).Count;
        }
        var total = counts.Sum();
        var totalPages = Math.Max(1, (total + pageSize - 1) / pageSize);
        pageNumber = Math.Clamp(pageNumber, 1, totalPages);
        var start = (pageNumber - 1) * pageSize;
        var end = start + pageSize;
        var skipped = 0;
        for (var i = 0; i < chosen.Count; i++)
        {
            if (chosen[i] is not IPagedChronologySource paged) continue;
            // At most (total - counts[i]) other events come before any one of this source's, so its
            // first `skip` events are all before this page, and none from its `end`th on can be on it.
            var skip = Math.Max(0, start - (total - counts[i]));
            var take = Math.Min(counts[i], end) - skip;
            if (skip == 0 && take <= head && loaded[i] is { } first) loaded[i] = first.Take(take).ToList();
            else loaded[i] = take > 0 ? await paged.SliceAsync(childId, skip, take, ct) : [];
            skipped += skip;
        }
        // Everything skipped comes before the page, so what is loaded holds the page from (start - skipped);
        // every source is loaded by now (the sources without pages in the first loop, the paged in the second).
        var items = Order(loaded.SelectMany(l => l!)).Skip(start - skipped).Take(pageSize).ToList();
        return new ChronologyPage(items, total, pageNumber, totalPages);
    }

    /// What one statement tells of the chosen sources (ChronologyRow.ReadAsync): the events of each
    /// source read there (Loaded), and each other source's count (paged sources that count in SQL) or,
    /// for a source whose HasRows test is false, 0; such a source is dropped here unless it is paged
    /// (a paged source counted as 0 is kept: its slice is empty), with its first `head` events as
    /// Loaded when it has a Head (head > 0: the first page is asked for). Sources neither read nor probed
    /// (and every probed one if the child's person record is not found) are kept, uncounted.
    private async Task<List<(IChronologySource Source, int? Count, IReadOnlyList<ChronologyItem>? Loaded)>> ReadAsync(int childId, List<IChronologySource> chosen, int head, CancellationToken ct)
    {
        var (rows, probes) = await ChronologyRow.ReadAsync(db, chosen, childId, head, ct, checks);
        var read = new List<(IChronologySource, int?, IReadOnlyList<ChronologyItem>?)>(chosen.Count);
        for (var i = 0; i < chosen.Count; i++)
        {
            if (ChronologyRow.IsShared(chosen[i]))
            {
                if (rows[i].Count > 0) read.Add((chosen[i], null, ((IChronologyRowSource)chosen[i]).Items(rows[i])));
            }
            else if (chosen[i] is IPagedChronologySource paged)
                read.Add((chosen[i], probes[i], head > 0 && paged.Head is not null ? paged.HeadItems(rows[i]) : null));
            else if (probes[i] is not 0) read.Add((chosen[i], null, null));
        }
        return read;
    }

    private IEnumerable<IChronologySource> Chosen(IReadOnlyCollection<string>? categories) =>
        categories is { Count: > 0 } ? sources.Where(s => categories.Contains(s.Category)) : sources;

    /// Newest first, then by category; the sort is stable, so events at the same time in the same
    /// category keep their source's order (and sources their registration order).
    private static IEnumerable<ChronologyItem> Order(IEnumerable<ChronologyItem> items) =>
        items.OrderByDescending(i => i.At).ThenBy(i => i.Category);
}

internal static class Dates
{
    public static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}

/// One of a chronology source's reads of a child's rows (db, child id), compiled once per model.
public sealed class ChildRows<T>(Expression<Func<HavenDbContext, int, IQueryable<T>>> query)
{
    private readonly CompiledPerModel<Func<HavenDbContext, int, IAsyncEnumerable<T>>> compiled = new(() => EF.CompileAsyncQuery(query));

    public async Task<List<T>> ListAsync(HavenDbContext db, int childId, CancellationToken ct)
    {
        var rows = new List<T>();
        await foreach (var row in compiled.For(db)(db, childId).WithCancellation(ct)) rows.Add(row);
        return rows;
    }
}

public sealed class CaseNoteChronology(HavenDbContext db) : IPagedChronologySource
{
    public string Category => "Case notes";

    public Task<int> CountAsync(int childId, CancellationToken ct) => db.CaseNotes.CountAsync(n => n.ChildId == childId, ct);

    public Expression<Func<HavenDbContext, int, int>> Counted => (d, id) => d.CaseNotes.Count(n => n.ChildId == id);

    public Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => ReadAsync(childId, 0, int.MaxValue, ct);

    public Task<IReadOnlyList<ChronologyItem>> SliceAsync(int childId, int skip, int take, CancellationToken ct) => ReadAsync(childId, skip, take, ct);

    private sealed record NoteRow(int Id, CaseNoteType Type, DateTime EventAt, string Subject, bool ChildSeen, bool ChildSeenAlone, string Author, string? Latest);

    /// Newest first, then the later-recorded note first at the same time; (ChildId, DeletedAt,
    /// EventAt) is indexed, so a slice reads only its own rows.
    private static readonly CompiledPerModel<Func<HavenDbContext, int, int, int, IAsyncEnumerable<NoteRow>>> Slice = new(() => EF.CompileAsyncQuery(
        (HavenDbContext d, int childId, int skip, int take) => d.CaseNotes.AsNoTracking().Where(n => n.ChildId == childId)
            .OrderByDescending(n => n.EventAt).ThenByDescending(n => n.Id)
            .Select(n => new NoteRow(n.Id, n.Type, n.EventAt, n.Subject, n.ChildSeen, n.ChildSeenAlone, n.Author.DisplayName,
                n.Amendments.OrderByDescending(a => a.AmendedAt).Select(a => a.Subject).FirstOrDefault()))
            .Skip(skip).Take(take)));

    private async Task<IReadOnlyList<ChronologyItem>> ReadAsync(int childId, int skip, int take, CancellationToken ct)
    {
        var items = new List<ChronologyItem>();
        await foreach (var n in Slice.For(db)(db, childId, skip, take).WithCancellation(ct))
            items.Add(Item(n.Id, n.Type, n.EventAt, n.Subject, n.ChildSeen, n.ChildSeenAlone, n.Author, n.Latest));
        return items;
    }

    private ChronologyItem Item(int id, CaseNoteType type, DateTime at, string subject, bool seen, bool seenAlone, string author, string? latest) =>
        new(at, true, Category, $"{CaseNote.Describe(type)}: {latest ?? subject}", seenAlone ? "Child seen alone" : seen ? "Child seen" : null, author, $"notes/{id}");

    /// The slice from 0 as rows: At event time, N id, A type, B subject, C author, D the latest
    /// amendment's subject, Flag child seen, Flag2 seen alone.
    public Expression<Func<HavenDbContext, int, int, int, IQueryable<ChronologyRow>>> Head => HeadRead;

    private static readonly Expression<Func<HavenDbContext, int, int, int, IQueryable<ChronologyRow>>> HeadRead = (d, id, source, take) =>
        d.CaseNotes.Where(n => n.ChildId == id).OrderByDescending(n => n.EventAt).ThenByDescending(n => n.Id)
            .Select(n => new ChronologyRow(source, ChronologyRow.Head, null, null, ChronologyRow.Text(n.Type.ToString()), ChronologyRow.Text(n.Subject),
                ChronologyRow.Text(n.Author.DisplayName), n.Id, null, n.ChildSeen, n.ChildSeenAlone, n.EventAt,
                ChronologyRow.Text(n.Amendments.OrderByDescending(a => a.AmendedAt).Select(a => a.Subject).FirstOrDefault())))
            .Take(take);

    /// In the slice's order (newest first, then the later-recorded note), whatever order the union gave.
    public IReadOnlyList<ChronologyItem> HeadItems(IReadOnlyList<ChronologyRow> rows) =>
        rows.OrderByDescending(r => r.At).ThenByDescending(r => r.N)
            .Select(r => Item(r.N!.Value, Enum.Parse<CaseNoteType>(r.A!), r.Utc, r.B!, r.Flag!.Value, r.Flag2!.Value, r.C!, r.D)).ToList();
}

public sealed class AllocationChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Allocation";

    public Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Allocations.Any(a => a.ChildId == id);

    /// On: start, Until: end, A: kind, B: worker, C: team.
    public Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.Allocations.Where(a => a.ChildId == id)
        .Select(a => new ChronologyRow(source, 0, a.StartDate, a.EndDate, ChronologyRow.Text(a.Kind.ToString()),
            ChronologyRow.Text(a.Worker.DisplayName), ChronologyRow.Text(a.Team.Name), null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var items = new List<ChronologyItem>();
        foreach (var a in rows)
        {
            var worker = a.B!;
            items.Add(new(Dates.At(a.On!.Value), false, Category, $"Allocated to {worker} ({Allocation.Describe(Enum.Parse<AllocationKind>(a.A!)).ToLowerInvariant()})", a.C, null, null));
            if (a.Until is { } end)
                items.Add(new(Dates.At(end), false, Category, $"Allocation to {worker} ended", a.C, null, null));
        }
        return items;
    }
}

public sealed class InvolvementChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Involvement";

    public Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Involvements.Any(i => i.ChildId == id);

    /// On: start, Until: end, A: kind.
    public Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.Involvements.Where(i => i.ChildId == id)
        .Select(i => new ChronologyRow(source, 0, i.StartDate, i.EndDate, ChronologyRow.Text(i.Kind.ToString()), null, null, null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var items = new List<ChronologyItem>();
        foreach (var i in rows)
        {
            var name = Involvement.Describe(Enum.Parse<InvolvementKind>(i.A!));
            items.Add(new(Dates.At(i.On!.Value), false, Category, $"{name} started", null, null, null));
            if (i.Until is { } end) items.Add(new(Dates.At(end), false, Category, $"{name} ended", null, null, null));
        }
        return items;
    }
}

public sealed class AddressChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Address";

    public Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.PersonAddresses.Any(a => a.PersonId == id);

    /// On: start, A: line 1, B: town, C: postcode.
    public Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.PersonAddresses.Where(a => a.PersonId == id)
        .Select(a => new ChronologyRow(source, 0, a.StartDate, null, ChronologyRow.Text(a.Address.Line1), ChronologyRow.Text(a.Address.Town),
            ChronologyRow.Text(a.Address.Postcode), null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows) =>
        rows.Select(a => new ChronologyItem(Dates.At(a.On!.Value), false, Category,
            "Moved to a new address", $"{a.A}, {a.B} {a.C}", null, null)).ToList();
}
