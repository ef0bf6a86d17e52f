using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// What changed between two versions of a plan.
public class CompareModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public Plan Record { get; private set; } = null!;
    public PlanVersion From { get; private set; } = null!;
    public PlanVersion To { get; private set; } = null!;
    public IReadOnlyList<PlanChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, int planId, int? from, int? to, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ChildId == childId, ct);
        if (plan is null) return NotFound();
        Record = plan;
        var newer = Math.Clamp(to ?? plan.CurrentVersionNumber, 1, plan.CurrentVersionNumber);
        var older = Math.Clamp(from ?? newer - 1, 1, plan.CurrentVersionNumber);
        if (older > newer) (older, newer) = (newer, older);
        if (await PlanContentForm.ReadVersionAsync(db, planId, older, ct) is not { } from2 || await PlanContentForm.ReadVersionAsync(db, planId, newer, ct) is not { } to2)
            return NotFound();
        (From, To) = (from2, to2);
        Changes = PlanDiff.Between(From, To);
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
        return Page();
    }
}
