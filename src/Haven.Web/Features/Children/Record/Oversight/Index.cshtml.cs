using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Oversight;

/// Management oversight on the child's record: each direction given (or case supervision), by
/// whom, with its actions; an open action can be marked done here.
public class IndexModel(HavenDbContext db, OversightService service, OversightSettings settings, TimeProvider clock) : PageModel
{
    public sealed record Entry(int Id, OversightKind Kind, DateOnly Date, string Manager, string Direction, IReadOnlyList<OversightAction> Actions);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool IsOverdue { get; private set; }
    public int IntervalDays => settings.IntervalDays;
    public bool CanAdd => User.IsInRole(nameof(HavenRole.TeamManager));

    public async Task OnGetAsync(int childId, CancellationToken ct) => await LoadAsync(childId, ct);

    public async Task<IActionResult> OnPostDoneAsync(int childId, int actionId, Guid version, CancellationToken ct)
    {
        if (!await db.OversightActions.AnyAsync(a => a.Id == actionId && a.ChildId == childId, ct)) return NotFound();
        try
        {
            await service.CompleteActionAsync(actionId, version, CurrentWorker.From(User)!, ct);
            TempData["Notice"] = "Action marked as done";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = "Someone else changed this action first: check it below";
        }
        return Redirect($"/children/{childId}/oversight");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "oversight", Today, ct))!;
        var entries = await db.OversightEntries.AsNoTracking().Include(e => e.Actions).Where(e => e.ChildId == childId)
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).ToListAsync(ct);
        var managerIds = entries.Select(e => e.ManagerWorkerId).Distinct().ToList();
        var names = await db.Workers.AsNoTracking().Where(w => managerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        Entries = entries.Select(e => new Entry(e.Id, e.Kind, e.Date, names.GetValueOrDefault(e.ManagerWorkerId, "Unknown"), e.Direction,
            e.Actions.OrderBy(a => a.DueDate).ToList())).ToList();
        IsOverdue = settings.IsOverdue(entries.Count == 0 ? null : entries.Max(e => e.Date), Today);
    }
}
