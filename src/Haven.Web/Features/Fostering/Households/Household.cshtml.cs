using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// One household: approval terms, supervising social worker, the next annual review or the end of
/// temporary approval, and what has been recorded: supervision visits, training, annual reviews,
/// the carers' feedback and every change to the terms.
public class HouseholdModel(HavenDbContext db, ChildAccess access, TimeProvider clock) : PageModel
{
    public FosterHousehold Household { get; private set; } = null!;
    public DateOnly? NextReview { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayRecord { get; private set; }
    public IReadOnlyList<SupervisionVisit> Visits { get; private set; } = [];
    public IReadOnlyDictionary<int, string> WorkerNames { get; private set; } = new Dictionary<int, string>();
    public IReadOnlyList<CarerTraining> Training { get; private set; } = [];
    public IReadOnlyList<CarerReview> Reviews { get; private set; } = [];
    public IReadOnlyList<CarerFeedback> Feedback { get; private set; } = [];
    public IReadOnlyList<FosteringCorrection> History { get; private set; } = [];
    /// Children placed with the household: named only when the reader may open the child's record.
    public sealed record PlacedRow(int? ChildId, string? ChildName, string PlacementType, DateOnly Start, DateOnly? End);
    public IReadOnlyList<PlacedRow> Placed { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var h = await db.FosterHouseholds.AsNoTracking().Include(x => x.SupervisingWorker).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (h is null) return NotFound();
        Household = h;
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        MayRecord = CurrentWorker.From(User) is { } w && Policies.DoesFosteringWork(w.Role);
        Visits = await db.SupervisionVisits.AsNoTracking().Where(v => v.HouseholdId == id).OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.Id).Take(100).ToListAsync(ct);
        var workerIds = Visits.Select(v => v.WorkerId).Distinct().ToList();
        WorkerNames = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        Training = await db.CarerTraining.AsNoTracking().Where(t => t.HouseholdId == id).OrderBy(t => t.CompletedDate != null).ThenByDescending(t => t.CompletedDate).ThenBy(t => t.RequiredBy).Take(200).ToListAsync(ct);
        Reviews = await db.CarerReviews.AsNoTracking().Where(r => r.HouseholdId == id).OrderByDescending(r => r.ReviewDate).Take(50).ToListAsync(ct);
        Feedback = await db.CarerFeedback.AsNoTracking().Where(f => f.HouseholdId == id).OrderByDescending(f => f.GivenDate).Take(50).ToListAsync(ct);
        History = await db.FosteringCorrections.AsNoTracking().Where(c => c.HouseholdId == id).OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        NextReview = HouseholdSchedule.NextReview(h, Reviews.Select(r => r.ReviewDate));
        var placed = await (from link in db.HouseholdPlacements
                            join p in db.Set<Haven.Core.ChildrenLookedAfter.Placement>() on link.PlacementId equals p.Id
                            where link.HouseholdId == id
                            orderby p.StartDate descending
                            select new { link.ChildId, p.PlacementTypeCode, p.StartDate, p.EndDate }).AsNoTracking().Take(100).ToListAsync(ct);
        var childIds = placed.Select(p => p.ChildId).Distinct().ToList();
        var names = CurrentWorker.From(User) is { } me && childIds.Count > 0
            ? await access.Children(me, AccessLevel.Read).Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct)
            : new Dictionary<int, string>();
        Placed = placed.Select(p => names.TryGetValue(p.ChildId, out var n) ? new PlacedRow(p.ChildId, n, p.PlacementTypeCode, p.StartDate, p.EndDate)
            : new PlacedRow(null, null, p.PlacementTypeCode, p.StartDate, p.EndDate)).ToList();
        return Page();
    }
}
