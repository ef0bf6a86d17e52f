using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Oversight;

/// Actions set in management oversight and supervision, until they are done.
public sealed class OversightDueWork(HavenDbContext db, OversightSettings settings) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var actions = await db.OversightActions.AsNoTracking()
            .Where(a => childIds.Contains(a.ChildId) && a.CompletedOn == null)
            .Select(a => new { a.ChildId, a.What, a.DueDate }).ToListAsync(ct);
        return actions.Select(a => new DueItem(a.ChildId, $"Manager's action: {a.What}", a.DueDate, settings.Rule) { Href = $"/children/{a.ChildId}/oversight" }).ToList();
    }
}

/// Management oversight and case supervision in the child's chronology.
public sealed class OversightChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Management oversight";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.OversightEntries.Any(e => e.ChildId == id);

    /// On: date, A: kind, B: direction.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) => d.OversightEntries.Where(e => e.ChildId == id)
        .Select(e => new ChronologyRow(source, 0, e.Date, null, ChronologyRow.Text(e.Kind.ToString()), ChronologyRow.Text(e.Direction), null, null, null, null, null, null, null));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows) =>
        rows.Select(e => new ChronologyItem(e.On!.Value.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            Enum.Parse<OversightKind>(e.A!) == OversightKind.Supervision ? "Case discussed in supervision" : "Management oversight",
            e.B!.Length > 200 ? e.B[..200] + "…" : e.B, null, "oversight")).ToList();
}
