using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

/// Statutory visits and looked-after reviews due, from the recorded periods of care, placements,
/// visits and reviews (LookedAfterSchedule has the rules).
public sealed class LookedAfterDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var periods = await db.PeriodsOfCare.AsNoTracking()
            .Where(p => childIds.Contains(p.ChildId) && p.EndDate == null)
            .Select(p => new { p.Id, p.ChildId, p.StartDate }).ToListAsync(ct);
        if (periods.Count == 0) return [];
        var periodIds = periods.Select(p => p.Id).ToList();
        var current = await db.Episodes.AsNoTracking()
            .Where(e => periodIds.Contains(e.PeriodOfCareId) && e.SupersededAt == null && e.EndDate == null)
            .Select(e => new { e.ChildId, e.Placement.StartDate, e.Placement.LongTermAgreedDate }).ToListAsync(ct);
        var withChildren = periods.Select(p => p.ChildId).ToList();
        var visits = await db.StatutoryVisits.AsNoTracking().Where(v => withChildren.Contains(v.ChildId) && v.ChildSeen)
            .GroupBy(v => v.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(v => v.VisitDate) }).ToDictionaryAsync(x => x.ChildId, x => x.Last, ct);
        var reviews = (await db.LookedAfterReviews.AsNoTracking().Where(r => periodIds.Contains(r.PeriodOfCareId))
            .Select(r => new { r.PeriodOfCareId, r.ReviewDate }).ToListAsync(ct)).ToLookup(r => r.PeriodOfCareId, r => r.ReviewDate);

        var items = new List<DueItem>();
        foreach (var p in periods)
        {
            if (current.FirstOrDefault(c => c.ChildId == p.ChildId) is { } placement)
            {
                var (due, rule, what) = LookedAfterSchedule.NextVisit(placement.StartDate, placement.LongTermAgreedDate,
                    visits.TryGetValue(p.ChildId, out var last) ? last : null);
                items.Add(new DueItem(p.ChildId, what, due, rule) { Href = $"/children/{p.ChildId}/care/visits/add" });
            }
            var review = LookedAfterSchedule.NextReview(p.StartDate, reviews[p.Id].ToList());
            items.Add(new DueItem(p.ChildId, review.What, review.Due, review.Rule) { Href = $"/children/{p.ChildId}/care/reviews/add" });
        }
        return items;
    }
}

/// Coming into care, changes of legal status and placement, leaving care, visits and reviews.
public sealed class LookedAfterChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Care";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Episodes.Any(e => e.ChildId == id) || d.StatutoryVisits.Any(v => v.ChildId == id) || d.LookedAfterReviews.Any(r => r.ChildId == id) || d.IroVisits.Any(v => v.ChildId == id);

    private sealed record EpisodeRow(DateOnly StartDate, DateOnly? EndDate, string ReasonForNewEpisodeCode, string LegalStatusCode, string? ReasonEpisodeCeasedCode, string PlacementTypeCode, string CarerName);
    private sealed record VisitRow(DateOnly VisitDate, bool ChildSeen, bool SeenAlone, string By);
    private sealed record ReviewRow(int Id, DateOnly ReviewDate, string ParticipationCode, string Chair);
    private sealed record IroVisitRow(DateOnly VisitDate, bool SeenAlone, string Purpose, string Iro);

    private static readonly ChildRows<EpisodeRow> Episodes = new((d, id) => d.Episodes.Where(e => e.ChildId == id && e.SupersededAt == null)
        .Select(e => new EpisodeRow(e.StartDate, e.EndDate, e.ReasonForNewEpisodeCode, e.LegalStatusCode, e.ReasonEpisodeCeasedCode, e.Placement.PlacementTypeCode, e.Placement.CarerName)));
    private static readonly ChildRows<VisitRow> Visits = new((d, id) => d.StatutoryVisits.Where(v => v.ChildId == id)
        .Select(v => new VisitRow(v.VisitDate, v.ChildSeen, v.SeenAlone, v.VisitedBy.DisplayName)));
    private static readonly ChildRows<ReviewRow> Reviews = new((d, id) => d.LookedAfterReviews.Where(r => r.ChildId == id)
        .Select(r => new ReviewRow(r.Id, r.ReviewDate, r.ParticipationCode, r.Chair.DisplayName)));
    private static readonly ChildRows<IroVisitRow> IroVisits = new((d, id) => d.IroVisits.Where(v => v.ChildId == id)
        .Select(v => new IroVisitRow(v.VisitDate, v.SeenAlone, v.Purpose, v.Iro.DisplayName)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var items = new List<ChronologyItem>();
        var episodes = await Episodes.ListAsync(db, childId, ct);
        foreach (var e in episodes)
        {
            var title = e.ReasonForNewEpisodeCode switch
            {
                "S" => "Became looked after",
                "L" => "Legal status changed",
                _ => "Placement changed",
            };
            items.Add(new(At(e.StartDate), false, Category, title,
                $"{LookedAfterCodes.LegalStatus.Describe(e.LegalStatusCode)}; {LookedAfterCodes.PlacementType.Describe(e.PlacementTypeCode)}: {e.CarerName}", null, "care"));
            if (e.EndDate is { } end && e.ReasonEpisodeCeasedCode is { } rec && rec != LookedAfterCodes.EpisodeContinues)
                items.Add(new(At(end), false, Category, "Stopped being looked after", LookedAfterCodes.ReasonEpisodeCeased.Describe(rec), null, "care"));
        }
        var visits = await Visits.ListAsync(db, childId, ct);
        items.AddRange(visits.Select(v => new ChronologyItem(At(v.VisitDate), false, Category, "Statutory visit",
            v.SeenAlone ? "Child seen alone" : v.ChildSeen ? "Child seen" : "Child not seen", v.By, "care")));
        var reviews = await Reviews.ListAsync(db, childId, ct);
        items.AddRange(reviews.Select(r => new ChronologyItem(At(r.ReviewDate), false, Category, "Looked-after review",
            LookedAfterCodes.ReviewParticipation.Describe(r.ParticipationCode), r.Chair, $"care/reviews/{r.Id}")));
        var iroVisits = await IroVisits.ListAsync(db, childId, ct);
        items.AddRange(iroVisits.Select(v => new ChronologyItem(At(v.VisitDate), false, Category, "IRO visit",
            $"{v.Purpose}{(v.SeenAlone ? "; child seen alone" : "")}", v.Iro, "care")));
        return items;
    }
}
