using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features;

/// My work: the children allocated to me and what is due for them, soonest first.
public class IndexModel(HavenDbContext db, DueWork dueWork, Haven.Core.Exploitation.PanelService panel, TimeProvider clock) : PageModel
{
    public sealed record Row(int ChildId, string Name, DateOnly? DateOfBirth, string Role, IReadOnlyList<string> Involvements);

    public IReadOnlyList<Row> Children { get; private set; } = [];
    public IReadOnlyList<DueItem> Due { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Names { get; private set; } = new Dictionary<int, string>();
    public DateOnly Today { get; private set; }
    public string WorkerName { get; private set; } = "";
    public IReadOnlyList<Haven.Core.Notifications.Notification> Notifications { get; private set; } = [];
    /// MEGA panel actions I own, whoever the child's worker is.
    public IReadOnlyList<Haven.Core.Exploitation.OwnedPanelAction> PanelActions { get; private set; } = [];
    /// Work due from me about no one child (foster households I supervise).
    public IReadOnlyList<WorkerDueItem> WorkerDue { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var worker = CurrentWorker.From(User);
        if (worker is null) return;
        WorkerName = worker.DisplayName;
        var today = Today;
        var mine = await db.Allocations.AsNoTracking()
            .Where(a => a.WorkerId == worker.WorkerId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, a.Kind, a.Child.FirstName, a.Child.LastName, a.Child.DateOfBirth })
            .ToListAsync(ct);
        var ids = mine.Select(m => m.ChildId).Distinct().ToList();
        var involvements = await db.Involvements.AsNoTracking().Where(i => ids.Contains(i.ChildId) && i.EndDate == null)
            .Select(i => new { i.ChildId, i.Kind }).ToListAsync(ct);
        Children = mine.GroupBy(m => m.ChildId).Select(g => g.First())
            .Select(m => new Row(m.ChildId, $"{m.FirstName} {m.LastName}", m.DateOfBirth, Haven.Core.Allocations.Allocation.Describe(m.Kind),
                involvements.Where(i => i.ChildId == m.ChildId).Select(i => Involvement.Describe(i.Kind)).ToList()))
            .OrderBy(r => r.Name).ToList();
        Names = Children.ToDictionary(c => c.ChildId, c => c.Name);
        Due = await dueWork.ForChildrenAsync(ids, ct);
        PanelActions = await panel.OwnedByAsync(worker.WorkerId, ct);
        WorkerDue = await dueWork.ForWorkerAsync(worker.WorkerId, ct);
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.WorkerId == worker.WorkerId && n.ReadAt == null)
            .OrderByDescending(n => n.CreatedAt).Take(20).ToListAsync(ct);
    }

    /// Marks one of my notifications read; someone else's is left alone.
    public async Task<IActionResult> OnPostReadAsync(int notificationId, CancellationToken ct)
    {
        if (CurrentWorker.From(User) is { } worker)
            await db.Notifications.Where(n => n.Id == notificationId && n.WorkerId == worker.WorkerId && n.ReadAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.ReadAt, clock.GetUtcNow().UtcDateTime), ct);
        return RedirectToPage();
    }
}
