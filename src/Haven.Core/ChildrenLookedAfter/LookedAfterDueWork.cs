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
public sealed class LookedAfterChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Care";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Episodes.Any(e => e.ChildId == id) || d.StatutoryVisits.Any(v => v.ChildId == id) || d.LookedAfterReviews.Any(r => r.ChildId == id) || d.IroVisits.Any(v => v.ChildId == id);

    /// Part 0 episodes (On start, Until end, N 1 a new period of care, 2 a change of legal status, 0 a
    /// change of placement; A legal status, B reason ceased, C placement type, D carer), 1 statutory
    /// visits (On date, Flag child seen, Flag2 seen alone, A by), 2 looked-after reviews (N id, On date,
    /// A participation, B chair), 3 IRO visits (On date, Flag2 seen alone, A purpose, B IRO).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) =>
        d.Episodes.Where(e => e.ChildId == id && e.SupersededAt == null)
            .Select(e => new ChronologyRow(source, 0, e.StartDate, e.EndDate, ChronologyRow.Text(e.LegalStatusCode), ChronologyRow.Text(e.ReasonEpisodeCeasedCode),
                ChronologyRow.Text(e.Placement.PlacementTypeCode), e.ReasonForNewEpisodeCode == "S" ? 1 : e.ReasonForNewEpisodeCode == "L" ? 2 : 0, null, null, null, null,
                ChronologyRow.Text(e.Placement.CarerName)))
        .Concat(d.StatutoryVisits.Where(v => v.ChildId == id)
            .Select(v => new ChronologyRow(source, 1, v.VisitDate, null, ChronologyRow.Text(v.VisitedBy.DisplayName), null, null, null, null, v.ChildSeen, v.SeenAlone, null, null)))
        .Concat(d.LookedAfterReviews.Where(r => r.ChildId == id)
            .Select(r => new ChronologyRow(source, 2, r.ReviewDate, null, ChronologyRow.Text(r.ParticipationCode), ChronologyRow.Text(r.Chair.DisplayName), null, r.Id, null, null, null, null, null)))
        .Concat(d.IroVisits.Where(v => v.ChildId == id)
            .Select(v => new ChronologyRow(source, 3, v.VisitDate, null, ChronologyRow.Text(v.Purpose), ChronologyRow.Text(v.Iro.DisplayName), null, null, null, null, v.SeenAlone, null, null)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var items = new List<ChronologyItem>();
        foreach (var e in rows.Where(r => r.Part == 0))
        {
            var title = e.N switch
            {
                1 => "Became looked after",
                2 => "Legal status changed",
                _ => "Placement changed",
            };
            items.Add(new(At(e.On!.Value), false, Category, title,
                $"{LookedAfterCodes.LegalStatus.Describe(e.A!)}; {LookedAfterCodes.PlacementType.Describe(e.C!)}: {e.D}", null, "care"));
            if (e.Until is { } end && e.B is { } rec && rec != LookedAfterCodes.EpisodeContinues)
                items.Add(new(At(end), false, Category, "Stopped being looked after", LookedAfterCodes.ReasonEpisodeCeased.Describe(rec), null, "care"));
        }
        items.AddRange(rows.Where(r => r.Part == 1).Select(v => new ChronologyItem(At(v.On!.Value), false, Category, "Statutory visit",
            v.Flag2 == true ? "Child seen alone" : v.Flag == true ? "Child seen" : "Child not seen", v.A, "care")));
        items.AddRange(rows.Where(r => r.Part == 2).Select(r => new ChronologyItem(At(r.On!.Value), false, Category, "Looked-after review",
            LookedAfterCodes.ReviewParticipation.Describe(r.A!), r.B, $"care/reviews/{r.N}")));
        items.AddRange(rows.Where(r => r.Part == 3).Select(v => new ChronologyItem(At(v.On!.Value), false, Category, "IRO visit",
            $"{v.A}{(v.Flag2 == true ? "; child seen alone" : "")}", v.B, "care")));
        return items;
    }
}
