using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// The team manager's view: each worker's caseload and what is overdue across the team.
public class IndexModel(HavenDbContext db, DueWork dueWork, TimeProvider clock) : PageModel
{
    public sealed record WorkerRow(int WorkerId, string Name, string Role, int Caseload, int Overdue);

    public string TeamName { get; private set; } = "";
    public IReadOnlyList<WorkerRow> Workers { get; private set; } = [];
    public IReadOnlyList<(DueItem Item, string Child, string Worker)> Overdue { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var today = Today;
        var me = CurrentWorker.From(User)!;
        TeamName = await db.Teams.Where(t => t.Id == me.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "Your team";
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.TeamId == me.TeamId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.WorkerId, Child = a.Child.FirstName + " " + a.Child.LastName, a.Child.IsRestricted })
            .ToListAsync(ct);
        var workers = await db.Workers.AsNoTracking().Where(w => w.TeamId == me.TeamId && w.IsActive)
            .Select(w => new { w.Id, w.DisplayName, w.Role }).ToListAsync(ct);
        var overdue = await dueWork.OverdueForChildrenAsync(allocations.Select(a => a.ChildId).Distinct().ToList(), today, ct);
        var holder = allocations.GroupBy(a => a.ChildId).ToDictionary(g => g.Key, g => g.First());
        var names = workers.ToDictionary(w => w.Id, w => w.DisplayName);
        Workers = workers.Select(w => new WorkerRow(w.Id, w.DisplayName, Haven.Core.Workforce.HavenRoles.Describe(w.Role),
                allocations.Count(a => a.WorkerId == w.Id),
                overdue.Count(d => holder.TryGetValue(d.ChildId, out var h) && h.WorkerId == w.Id)))
            .OrderByDescending(w => w.Caseload).ToList();
        Overdue = overdue.Select(d => (d, holder[d.ChildId].IsRestricted ? "Restricted record" : holder[d.ChildId].Child,
            names.GetValueOrDefault(holder[d.ChildId].WorkerId, "Unallocated"))).ToList();
    }
}
