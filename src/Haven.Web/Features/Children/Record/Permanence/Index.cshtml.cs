using Haven.Core.Data;
using Haven.Core.Permanence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Permanence;

/// The child's permanence plan (current and earlier ones) and, if the plan is adoption, the adoption
/// record with its timeliness. The child record guard checks access and logs every view; after the
/// adoption order only the named roles get here at all.
public class IndexModel(HavenDbContext db, PermanenceService permanence, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<PermanencePlan> Plans { get; private set; } = [];
    public AdoptionView? Adoption { get; private set; }
    public IReadOnlyList<Haven.Core.Fostering.SpecialGuardianship> SpecialGuardianships { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "permanence", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        Plans = await db.PermanencePlans.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.SetAtReview).ThenByDescending(p => p.Id).ToListAsync(ct);
        Adoption = await permanence.AdoptionAsync(childId, ct);
        SpecialGuardianships = await db.SpecialGuardianships.AsNoTracking().Include(s => s.Support).Where(s => s.ChildId == childId).OrderByDescending(s => s.OrderDate).ToListAsync(ct);
        return Page();
    }
}
