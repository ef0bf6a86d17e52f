using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Fostering;

/// For a child placed with connected persons under temporary approval (CPPCR reg 24): the full
/// assessment must be finished before the 16 weeks end. Shown on the child's social worker's My work.
/// For the supervising social worker (about no one child): each household's next annual review
/// (FSR reg 28) and, for connected persons, the end of temporary approval.
public sealed class FosteringDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var rows = await (from link in db.HouseholdPlacements
                          join h in db.FosterHouseholds on link.HouseholdId equals h.Id
                          join p in db.Set<ChildrenLookedAfter.Placement>() on link.PlacementId equals p.Id
                          where childIds.Contains(link.ChildId) && p.EndDate == null && h.Kind == HouseholdKind.ConnectedPerson
                                && h.ApprovalDate == null && h.TemporaryApprovalDate != null && h.DeregisteredDate == null
                          select new { link.ChildId, h.Name, Temporary = h.TemporaryApprovalDate!.Value }).AsNoTracking().ToListAsync(ct);
        return rows.Select(r => new DueItem(r.ChildId, $"Finish the connected person assessment of {r.Name} (temporary approval ends)",
            Timescales.ConnectedPersonTemporaryApproval.DueFrom(r.Temporary), Timescales.ConnectedPersonTemporaryApproval)
        { Href = "/fostering/carers" }).ToList();
    }

    public async Task<IReadOnlyList<WorkerDueItem>> ForWorkerAsync(int workerId, CancellationToken ct)
    {
        var households = await db.FosterHouseholds.AsNoTracking().Where(h => h.SupervisingWorkerId == workerId && h.DeregisteredDate == null).ToListAsync(ct);
        if (households.Count == 0) return [];
        var ids = households.Select(h => h.Id).ToList();
        var reviews = (await db.CarerReviews.AsNoTracking().Where(r => ids.Contains(r.HouseholdId)).Select(r => new { r.HouseholdId, r.ReviewDate }).ToListAsync(ct))
            .ToLookup(r => r.HouseholdId, r => r.ReviewDate);
        var items = new List<WorkerDueItem>();
        foreach (var h in households)
        {
            if (HouseholdSchedule.NextReview(h, reviews[h.Id]) is { } next)
                items.Add(new WorkerDueItem($"Annual review of {h.Name}'s approval", next, Timescales.FosterCarerReview, $"/fostering/carers/{h.Id}/reviews/add"));
            if (h.TemporaryApprovalEnds is { } ends)
                items.Add(new WorkerDueItem($"Finish the connected person assessment of {h.Name}", ends, Timescales.ConnectedPersonTemporaryApproval, $"/fostering/carers/{h.Id}"));
        }
        return items;
    }
}
