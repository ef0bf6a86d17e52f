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
public sealed class OversightChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Management oversight";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.OversightEntries.Any(e => e.ChildId == id);

    private sealed record Row(DateOnly Date, OversightKind Kind, string Direction);

    private static readonly ChildRows<Row> Entries = new((d, id) => d.OversightEntries.Where(e => e.ChildId == id)
        .Select(e => new Row(e.Date, e.Kind, e.Direction)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var entries = await Entries.ListAsync(db, childId, ct);
        return entries.Select(e => new ChronologyItem(e.Date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), false, Category,
            e.Kind == OversightKind.Supervision ? "Case discussed in supervision" : "Management oversight",
            e.Direction.Length > 200 ? e.Direction[..200] + "…" : e.Direction, null, "oversight")).ToList();
    }
}
