using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Fostering;

/// For a child placed with connected persons under temporary approval (CPPCR reg 24): the full
/// assessment must be finished before the 16 weeks end. Shown on the child's social worker's My work.
/// Carers' annual reviews are not about one child: the fostering page lists them for each
/// supervising social worker.
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
}
