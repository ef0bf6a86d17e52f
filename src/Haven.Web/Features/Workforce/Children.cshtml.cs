using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Workforce;

/// Children who have had 3 or more social workers in the last 12 months: the count for everyone, and
/// the children themselves only where the viewer may read their record.
public class ChildrenModel(HavenDbContext db, WorkforceFigures figures, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public const int AtLeast = 3;
    public sealed record Row(int ChildId, string Name, string HavenId, int Workers);
    public int Count { get; private set; }
    public int WithWorker { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var from = WorkforceRules.YearStart(Today);
        // Every child's count once; the page names those the viewer may read (it counted them all again).
        var all = await figures.ManyWorkersAsync(Today, AtLeast, ct);
        Count = all.Count;
        WithWorker = await db.Allocations.Where(a => a.Kind == Haven.Core.Allocations.AllocationKind.SocialWorker && a.StartDate <= Today && (a.EndDate == null || a.EndDate >= from))
            .Select(a => a.ChildId).Distinct().CountAsync(ct);
        var worker = CurrentWorker.From(User)!;
        var readable = await access.VisibleAmongAsync(worker, all.Select(m => m.ChildId), ct);
        var mine = all.Where(m => readable.Contains(m.ChildId)).ToList();
        var ids = mine.Take(200).Select(m => m.ChildId).ToList();
        var people = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        Rows = mine.Take(200).Where(m => people.ContainsKey(m.ChildId)).Select(m => new Row(m.ChildId, people[m.ChildId].DisplayName, people[m.ChildId].HavenId, m.SocialWorkers)).ToList();
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, "GET /workforce/children", $"{Count} children counted, {Rows.Count} named"), ct);
    }
}
