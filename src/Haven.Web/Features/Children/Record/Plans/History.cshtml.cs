using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Every version of a plan, newest first, each with what changed from the one before.
public class HistoryModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int Number, string Reason, DateTime RecordedAt, string? By, int Changes);

    public ChildHeader Header { get; private set; } = null!;
    public Plan Record { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ChildId == childId, ct);
        if (plan is null) return NotFound();
        Record = plan;
        var versions = await db.PlanVersions.AsNoTracking().Include(v => v.Outcomes).Include(v => v.Actions).AsSplitQuery()
            .Where(v => v.PlanId == planId).OrderBy(v => v.Number).ToListAsync(ct);
        var workerIds = versions.Select(v => v.RecordedByWorkerId).OfType<int>().Distinct().ToList();
        var names = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        Rows = versions.Select((v, i) => new Row(v.Number, v.Reason, v.RecordedAt, v.RecordedByWorkerId is { } w ? names.GetValueOrDefault(w) : null,
                i == 0 ? 0 : PlanDiff.Between(versions[i - 1], v).Count))
            .Reverse().ToList();
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
        return Page();
    }
}
