using Haven.Core.ChildInNeed;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Plans;

/// What plans make due: each open child in need plan's next review, and every unfinished action in
/// the current version of an open plan of any kind that is overdue or drifting.
public sealed class PlansDueWork(HavenDbContext db, PlanSettings planSettings, ChildInNeedSettings cinSettings, TimeProvider clock) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var items = new List<DueItem>();
        var cinPlans = await db.ChildInNeedPlans.AsNoTracking()
            .Where(p => childIds.Contains(p.ChildId) && p.EndDate == null)
            .Select(p => new { p.Id, p.ChildId, p.PlanId, p.StartDate, LastReview = p.Reviews.Max(r => (DateOnly?)r.Date) })
            .ToListAsync(ct);
        items.AddRange(cinPlans.Select(p => new DueItem(p.ChildId, "Child in need plan review", cinSettings.NextReviewDue(p.LastReview ?? p.StartDate), cinSettings.ReviewRule)
            { Href = $"/children/{p.ChildId}/plans/{p.PlanId}/review" }));

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // Only the actions that need the worker now (overdue, or no progress for the drift period:
        // PlanRules.StatusOf), and only the columns the items are made from: on-track actions and
        // their text (who, progress) stay on the plan. The team view asks this for a whole team.
        var progressBefore = PlanRules.DriftingIfProgressBefore(today, planSettings);
        var actions = await db.PlanActions.AsNoTracking()
            .Join(db.PlanVersions, a => a.PlanVersionId, v => v.Id, (a, v) => new { a, v })
            .Join(db.Plans, x => x.v.PlanId, p => p.Id, (x, p) => new { x.a, x.v, p })
            .Where(x => childIds.Contains(x.p.ChildId) && x.p.EndDate == null && x.v.Number == x.p.CurrentVersionNumber && !x.a.Done
                && (x.a.DueDate < today || x.a.LastProgressOn < progressBefore))
            .Select(x => new { x.p.ChildId, PlanId = x.p.Id, x.p.Kind, x.a.What, x.a.DueDate, x.a.LastProgressOn })
            .ToListAsync(ct);
        foreach (var x in actions)
        {
            var a = new PlanAction { What = x.What, DueDate = x.DueDate, LastProgressOn = x.LastProgressOn };
            var status = PlanRules.StatusOf(a, today, planSettings);
            if (status is not (PlanActionStatus.Overdue or PlanActionStatus.Drifting)) continue;
            var what = status == PlanActionStatus.Overdue
                ? $"Overdue action ({Plan.Describe(x.Kind).ToLowerInvariant()}): {x.What}"
                : $"Drifting action, no progress recorded ({Plan.Describe(x.Kind).ToLowerInvariant()}): {x.What}";
            items.Add(new DueItem(x.ChildId, what, status == PlanActionStatus.Overdue ? x.DueDate : PlanRules.AttentionDue(a, planSettings), planSettings.DriftRule)
                { Href = $"/children/{x.ChildId}/plans/{x.PlanId}" });
        }
        return items;
    }
}

/// Plans, their versions and child in need reviews in the child's chronology.
public sealed class PlansChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Plans";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Plans.Any(p => p.ChildId == id) || d.ChildInNeedPlans.Any(p => p.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private sealed record PlanRow(int Id, PlanKind Kind, DateOnly StartDate, DateOnly? EndDate);
    private sealed record ReviewRow(DateOnly Date, int ChildId, int PlanId, int? PlanVersionNumber);
    private sealed record ClosureRow(int PlanId, DateOnly? EndDate, ChildInNeedPlanClosureReason? ClosureReason);

    private static readonly ChildRows<PlanRow> PlanRows = new((d, id) => d.Plans.Where(p => p.ChildId == id)
        .Select(p => new PlanRow(p.Id, p.Kind, p.StartDate, p.EndDate)));
    private static readonly ChildRows<ReviewRow> Reviews = new((d, id) => d.ChildInNeedPlanReviews
        .Join(d.ChildInNeedPlans, r => r.ChildInNeedPlanId, p => p.Id, (r, p) => new { r, p })
        .Where(x => x.p.ChildId == id).Select(x => new ReviewRow(x.r.Date, x.p.ChildId, x.p.PlanId, x.r.PlanVersionNumber)));
    private static readonly ChildRows<ClosureRow> Closures = new((d, id) => d.ChildInNeedPlans.Where(p => p.ChildId == id && p.ClosureReason != null)
        .Select(p => new ClosureRow(p.PlanId, p.EndDate, p.ClosureReason)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var items = new List<ChronologyItem>();
        var plans = await PlanRows.ListAsync(db, childId, ct);
        foreach (var p in plans)
        {
            items.Add(new(At(p.StartDate), false, Category, $"{Plan.Describe(p.Kind)} started", null, null, $"plans/{p.Id}"));
            if (p.EndDate is { } end) items.Add(new(At(end), false, Category, $"{Plan.Describe(p.Kind)} ended", null, null, $"plans/{p.Id}"));
        }
        var reviews = await Reviews.ListAsync(db, childId, ct);
        items.AddRange(reviews.Select(r => new ChronologyItem(At(r.Date), false, Category, "Child in need plan reviewed",
            r.PlanVersionNumber is { } n ? $"Plan changed: version {n}" : "Plan unchanged", null, $"plans/{r.PlanId}")));
        var closures = await Closures.ListAsync(db, childId, ct);
        items.AddRange(closures.Select(c => new ChronologyItem(At(c.EndDate!.Value), false, Category, "Child in need plan closed",
            ChildInNeedPlan.Describe(c.ClosureReason!.Value), null, $"plans/{c.PlanId}")));
        return items;
    }
}
