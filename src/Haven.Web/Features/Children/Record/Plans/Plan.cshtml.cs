using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// One plan: its current version (or an older one from the history), with each action's status,
/// and for a child in need plan its reviews and when the next is due.
public class PlanModel(HavenDbContext db, PlanSettings settings, ChildInNeedSettings cinSettings, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public Plan Record { get; private set; } = null!;
    public PlanVersion Shown { get; private set; } = null!;
    public string? RecordedBy { get; private set; }
    public ChildInNeedPlan? ChildInNeed { get; private set; }
    public DateOnly? NextReviewDue { get; private set; }
    public DateOnly Today { get; private set; }
    public PlanSettings Settings => settings;
    public bool IsCurrent => Shown.Number == Record.CurrentVersionNumber;

    public async Task<IActionResult> OnGetAsync(int childId, int planId, int? number, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ChildId == childId, ct);
        if (plan is null) return NotFound();
        Record = plan;
        var n = number is { } x && x >= 1 && x <= plan.CurrentVersionNumber ? x : plan.CurrentVersionNumber;
        if (await PlanContentForm.ReadVersionAsync(db, planId, n, ct) is not { } shown) return NotFound();
        Shown = shown;
        RecordedBy = Shown.RecordedByWorkerId is { } w ? await db.Workers.Where(x => x.Id == w).Select(x => x.DisplayName).FirstOrDefaultAsync(ct) : null;
        ChildInNeed = await db.ChildInNeedPlans.AsNoTracking().Include(c => c.Reviews).FirstOrDefaultAsync(c => c.PlanId == planId, ct);
        if (ChildInNeed is { IsOpen: true } cin) NextReviewDue = cinSettings.NextReviewDue(cin.ReviewClockFrom);
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", Today, ct))!;
        return Page();
    }

    public PlanActionStatus StatusOf(PlanAction a) => Record.IsOpen || a.Done ? PlanRules.StatusOf(a, Today, settings) : PlanActionStatus.OnTrack;
}
