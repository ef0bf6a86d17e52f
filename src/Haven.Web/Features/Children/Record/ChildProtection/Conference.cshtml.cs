using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// One conference: who came or sent a report, the chair, the decision, and the plan it started, reviewed or ended.
public class ConferenceModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public ChildProtectionConference Record { get; private set; } = null!;
    public int? PlanId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int conferenceId, CancellationToken ct)
    {
        var c = await db.ChildProtectionConferences.AsNoTracking().Include(x => x.Attendees).FirstOrDefaultAsync(x => x.Id == conferenceId && x.ChildId == childId, ct);
        if (c is null) return NotFound();
        Record = c;
        PlanId = c.ChildProtectionPlanId ?? await db.ChildProtectionPlans.Where(p => p.StartConferenceId == c.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Page();
    }
}
