using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Care;

/// The child's time in care: the current period with its SSDA903 episodes and placements, what is
/// due next, the statutory visits and the looked-after reviews.
public class IndexModel(HavenDbContext db, TimeProvider clock, LookedAfterService service, Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyService dolo) : PageModel
{
    /// The child's deprivation of liberty orders (newest first), and whether this worker may record them.
    public IReadOnlyList<Haven.Core.DeprivationOfLiberty.DeprivationOfLibertyOrder> DeprivationOfLibertyOrders { get; private set; } = [];
    public bool MayRecordDeprivationOfLiberty { get; private set; }
    /// Whether this worker may record an IRO visit (the child's IRO, a manager, the child's social worker).
    public bool MayRecordIroVisit { get; private set; }
    public ChildHeader Header { get; private set; } = null!;
    public LookedAfterRecord Record { get; private set; } = null!;
    public (DateOnly Due, string What)? NextVisit { get; private set; }
    public (DateOnly Due, string What)? NextReview { get; private set; }
    public DateOnly Today { get; private set; }
    /// The child's care plans (the shared Plan model, kind Care), newest first: the tab links to each.
    public IReadOnlyList<Plan> CarePlans { get; private set; } = [];

    /// The care plan that belongs to a period of care: the newest one started within it.
    public Plan? CarePlanFor(PeriodOfCare period) => CarePlans.FirstOrDefault(p => p.StartDate >= period.StartDate && (period.EndDate is null || p.StartDate <= period.EndDate));

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "care", Today, ct))!;
        Record = await LookedAfterRecord.LoadAsync(db, childId, ct);
        MayRecordIroVisit = Haven.Core.Access.CurrentWorker.From(User) is { } me && await service.MayRecordIroVisitAsync(me, childId, ct);
        DeprivationOfLibertyOrders = await dolo.ListAsync(childId, ct);
        MayRecordDeprivationOfLiberty = Haven.Core.Access.CurrentWorker.From(User) is { } worker && await dolo.MayRecordAsync(worker, childId, ct);
        CarePlans = await db.Plans.AsNoTracking().Where(p => p.ChildId == childId && p.Kind == PlanKind.Care)
            .OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id).ToListAsync(ct);
        if (Record.Current is { CurrentEpisode: { } episode } current)
        {
            var lastVisit = Record.Visits.Where(v => v.ChildSeen).Select(v => (DateOnly?)v.VisitDate).FirstOrDefault();
            var v = LookedAfterSchedule.NextVisit(episode.Placement.StartDate, episode.Placement.LongTermAgreedDate, lastVisit);
            NextVisit = (v.Due, v.What);
            var r = LookedAfterSchedule.NextReview(current.Period.StartDate, Record.Reviews.Where(x => x.PeriodOfCareId == current.Period.Id).Select(x => x.ReviewDate).ToList());
            NextReview = (r.Due, r.What);
        }
        return Page();
    }
}
