using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// A child protection plan as a registration: dates, category, flags, conferences, core group, visits.
/// Its outcomes, actions and contingency are in the shared plan (a Plan of kind ChildProtection).
public class PlanModel(HavenDbContext db, ChildProtectionSettings settings, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public ChildProtectionPlan Record { get; private set; } = null!;
    public IReadOnlyList<ChildProtectionConference> Conferences { get; private set; } = [];
    public IReadOnlyList<ChildProtectionVisit> Visits { get; private set; } = [];
    public IReadOnlyList<CoreGroupMeeting> Meetings { get; private set; } = [];
    public IReadOnlyList<string> Flags { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly? NextReview { get; private set; }
    public DateOnly? NextVisit { get; private set; }
    public DateOnly? NextCoreGroup { get; private set; }
    public ChildProtectionSettings Settings => settings;

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        var p = await db.ChildProtectionPlans.AsNoTracking().Include(x => x.CoreGroup).FirstOrDefaultAsync(x => x.Id == planId && x.ChildId == childId, ct);
        if (p is null) return NotFound();
        Record = p;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", Today, ct))!;
        Conferences = await db.ChildProtectionConferences.AsNoTracking()
            .Where(c => c.ChildProtectionPlanId == p.Id || c.Id == p.StartConferenceId).OrderBy(c => c.Date).ToListAsync(ct);
        Visits = await db.ChildProtectionVisits.AsNoTracking().Where(v => v.ChildProtectionPlanId == p.Id).OrderByDescending(v => v.Date).ToListAsync(ct);
        Meetings = await db.CoreGroupMeetings.AsNoTracking().Where(m => m.ChildProtectionPlanId == p.Id).OrderByDescending(m => m.Date).ToListAsync(ct);
        Flags = ChildProtectionFlags.For(p, Today);
        if (p.IsOpen)
        {
            NextReview = ChildProtectionRules.NextReview(p.StartDate, Conferences.Where(c => c.Kind == ConferenceKind.Review).Select(c => (DateOnly?)c.Date).Max()).Due;
            NextVisit = ChildProtectionRules.NextVisit(p.StartDate, Visits.Where(v => v.ChildSeen).Select(v => (DateOnly?)v.Date).Max(), settings);
            NextCoreGroup = ChildProtectionRules.NextCoreGroup(p.StartDate, Meetings.Select(m => (DateOnly?)m.Date).Max(), settings).Due;
        }
        return Page();
    }
}
