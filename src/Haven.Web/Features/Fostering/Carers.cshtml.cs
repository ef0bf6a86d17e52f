using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering;

/// Approved and temporarily approved households: terms, supervising social worker, the next annual
/// review (overdue shown), training still required, children placed (a count: names stay on the
/// children's records), and the carers' own rating of support and training. "Mine" shows the
/// households the signed-in worker supervises: their annual reviews are that worker's due work.
public class CarersModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(FosterHousehold Household, string Supervisor, DateOnly? NextReview, int TrainingDue, int ChildrenNow, double? Support, double? Training, DateOnly? LastVisit);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool Mine { get; private set; }
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(bool mine, CancellationToken ct)
    {
        Mine = mine;
        MayRecord = CurrentWorker.From(User) is { } w && Haven.Web.Infrastructure.Policies.DoesFosteringWork(w.Role);
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var me = CurrentWorker.From(User)?.WorkerId ?? -1;
        var households = await db.FosterHouseholds.AsNoTracking().Include(h => h.SupervisingWorker)
            .Where(h => h.DeregisteredDate == null && (!mine || h.SupervisingWorkerId == me)).OrderBy(h => h.Name).Take(1000).ToListAsync(ct);
        var ids = households.Select(h => h.Id).ToList();
        var reviews = (await db.CarerReviews.AsNoTracking().Where(r => ids.Contains(r.HouseholdId)).Select(r => new { r.HouseholdId, r.ReviewDate }).ToListAsync(ct)).ToLookup(r => r.HouseholdId, r => r.ReviewDate);
        var training = (await db.CarerTraining.AsNoTracking().Where(t => t.HouseholdId != null && ids.Contains(t.HouseholdId.Value) && t.CompletedDate == null)
            .GroupBy(t => t.HouseholdId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(x => x.Key!.Value, x => x.Count);
        var placed = (await (from l in db.HouseholdPlacements join p in db.Set<Haven.Core.ChildrenLookedAfter.Placement>() on l.PlacementId equals p.Id
                             where ids.Contains(l.HouseholdId) && p.EndDate == null select l.HouseholdId).ToListAsync(ct)).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var feedback = (await db.CarerFeedback.AsNoTracking().Where(f => ids.Contains(f.HouseholdId)).Select(f => new { f.HouseholdId, f.SupportRating, f.TrainingRating }).ToListAsync(ct)).ToLookup(f => f.HouseholdId);
        var visits = (await db.SupervisionVisits.AsNoTracking().Where(v => ids.Contains(v.HouseholdId)).GroupBy(v => v.HouseholdId)
            .Select(g => new { g.Key, Last = g.Max(v => v.VisitDate) }).ToListAsync(ct)).ToDictionary(x => x.Key, x => x.Last);
        Rows = households.Select(h => new Row(h, h.SupervisingWorker.DisplayName, HouseholdSchedule.NextReview(h, reviews[h.Id]),
            training.GetValueOrDefault(h.Id), placed.GetValueOrDefault(h.Id),
            feedback[h.Id].Any() ? Math.Round(feedback[h.Id].Average(f => f.SupportRating), 1) : null,
            feedback[h.Id].Any() ? Math.Round(feedback[h.Id].Average(f => f.TrainingRating), 1) : null,
            visits.TryGetValue(h.Id, out var v) ? v : null)).ToList();
    }
}
