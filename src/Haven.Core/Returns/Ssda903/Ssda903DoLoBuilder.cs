using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Returns.Ssda903;

/// The DoLo table (statutory-returns.md §1.2, from 2026-27): one row per deprivation of liberty order
/// (not removed) that was in force on any day of the year, for the children looked after in the year.
/// DOLO_START is the day the order took effect (not clipped to the year); DOLO_END is blank when the
/// order was still in force at 31 March. One query.
public static class Ssda903DoLoBuilder
{
    public static async Task<IReadOnlyList<Ssda903DoLo>> BuildAsync(HavenDbContext db, IQueryable<int> lookedAfterIds, ReturnPeriod period,
        Func<int, DateOnly?> dob, CancellationToken ct)
    {
        var (start, end) = (period.Start, period.End);
        var orders = await db.DeprivationOfLibertyOrders.AsNoTracking()
            .Where(o => lookedAfterIds.Contains(o.ChildId) && o.StartDate <= end && (o.EndDate == null || o.EndDate >= start))
            .Select(o => new { o.ChildId, o.StartDate, o.EndDate }).ToListAsync(ct);
        return orders.OrderBy(o => o.ChildId).ThenBy(o => o.StartDate)
            .Select(o => new Ssda903DoLo(o.ChildId.ToString(System.Globalization.CultureInfo.InvariantCulture), dob(o.ChildId), o.StartDate,
                o.EndDate is { } e && e <= end ? e : null))
            .ToList();
    }
}
