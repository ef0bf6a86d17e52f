using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

/// What the child's care pages and the API show: each period of care with its current episodes
/// (and how many corrections it has had), the placements, visits and reviews, newest first.
public sealed record LookedAfterRecord(IReadOnlyList<PeriodView> Periods, IReadOnlyList<StatutoryVisit> Visits, IReadOnlyList<LookedAfterReview> Reviews)
{
    public PeriodView? Current => Periods.FirstOrDefault(p => p.Period.EndDate is null);

    /// The IRO's visits to the child between reviews, newest first.
    public IReadOnlyList<IroVisit> IroVisits { get; init; } = [];

    /// The IRO visits since the review before this one in the same period of care (or since the
    /// period began), up to this review: what the review record can show the IRO kept up.
    public IReadOnlyList<IroVisit> IroVisitsBefore(LookedAfterReview review)
    {
        var earlier = Reviews.Where(r => r.PeriodOfCareId == review.PeriodOfCareId && r.ReviewDate < review.ReviewDate).Select(r => (DateOnly?)r.ReviewDate).Max()
            ?? Periods.FirstOrDefault(p => p.Period.Id == review.PeriodOfCareId)?.Period.StartDate ?? DateOnly.MinValue;
        return IroVisits.Where(v => v.VisitDate > earlier && v.VisitDate <= review.ReviewDate).ToList();
    }

    public static async Task<LookedAfterRecord> LoadAsync(HavenDbContext db, int childId, CancellationToken ct)
    {
        var periods = await db.PeriodsOfCare.AsNoTracking().Include(p => p.AuthorisedBy).Where(p => p.ChildId == childId)
            .OrderByDescending(p => p.StartDate).ToListAsync(ct);
        var episodes = await db.Episodes.AsNoTracking().Include(e => e.Placement).Where(e => e.ChildId == childId)
            .OrderBy(e => e.StartDate).ToListAsync(ct);
        var visits = await db.StatutoryVisits.AsNoTracking().Include(v => v.VisitedBy).Where(v => v.ChildId == childId)
            .OrderByDescending(v => v.VisitDate).ToListAsync(ct);
        var reviews = await db.LookedAfterReviews.AsNoTracking().Include(r => r.Chair).Where(r => r.ChildId == childId)
            .OrderByDescending(r => r.ReviewDate).ToListAsync(ct);
        var iroVisits = await db.IroVisits.AsNoTracking().Include(v => v.Iro).Where(v => v.ChildId == childId)
            .OrderByDescending(v => v.VisitDate).ThenByDescending(v => v.Id).ToListAsync(ct);
        var views = periods.Select(p =>
        {
            var mine = episodes.Where(e => e.PeriodOfCareId == p.Id).ToList();
            var current = mine.Where(e => e.SupersededAt == null).ToList();
            return new PeriodView(p, current, mine.Where(e => e.SupersededAt != null).ToList(),
                current.Select(e => e.Placement).DistinctBy(x => x.Id).ToList());
        }).ToList();
        return new LookedAfterRecord(views, visits, reviews) { IroVisits = iroVisits };
    }
}

public sealed record PeriodView(PeriodOfCare Period, IReadOnlyList<Episode> Episodes, IReadOnlyList<Episode> Superseded, IReadOnlyList<Placement> Placements)
{
    public Episode? CurrentEpisode => Episodes.LastOrDefault(e => e.EndDate is null);
    /// Revisions replaced by a correction with a reason (ordinary changes also add revisions, without one).
    public int Corrections => Superseded.Where(e => e.CorrectionReason is not null).Select(e => e.Revision).Distinct().Count();
}
