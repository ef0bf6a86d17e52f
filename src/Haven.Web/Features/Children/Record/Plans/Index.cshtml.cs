using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Every plan the child has had, of any kind, with its actions that need attention.
public class IndexModel(HavenDbContext db, PlanSettings settings, ChildInNeedSettings cinSettings, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, PlanKind Kind, DateOnly Start, DateOnly? End, int Version, int Overdue, int Drifting, DateOnly? ReviewDue);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool CanStartChildInNeed { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", Today, ct))!;
        var plans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(ct);
        var ids = plans.Select(p => p.Id).ToList();
        var actions = await db.PlanActions.AsNoTracking()
            .Join(db.PlanVersions, a => a.PlanVersionId, v => v.Id, (a, v) => new { a, v.PlanId, v.Number })
            .Where(x => ids.Contains(x.PlanId)).ToListAsync(ct);
        var cin = await db.ChildInNeedPlans.AsNoTracking().Where(c => c.ChildId == childId)
            .Select(c => new { c.PlanId, c.StartDate, c.EndDate, Last = c.Reviews.Max(r => (DateOnly?)r.Date) }).ToListAsync(ct);
        var today = Today;
        Rows = plans.Select(p =>
        {
            var current = actions.Where(x => x.PlanId == p.Id && x.Number == p.CurrentVersionNumber).Select(x => PlanRules.StatusOf(x.a, today, settings)).ToList();
            var c = cin.FirstOrDefault(x => x.PlanId == p.Id);
            DateOnly? reviewDue = c is { EndDate: null } ? cinSettings.NextReviewDue(c.Last ?? c.StartDate) : null;
            return new Row(p.Id, p.Kind, p.StartDate, p.EndDate, p.CurrentVersionNumber, p.IsOpen ? current.Count(s => s == PlanActionStatus.Overdue) : 0,
                p.IsOpen ? current.Count(s => s == PlanActionStatus.Drifting) : 0, reviewDue);
        }).ToList();
        CanStartChildInNeed = !cin.Any(c => c.EndDate is null);
    }
}
