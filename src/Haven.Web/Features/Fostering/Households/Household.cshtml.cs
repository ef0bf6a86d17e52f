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
public class HouseholdModel(HavenDbContext db, TimeProvider clock) : PageModel
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
        return Page();
    }
}
