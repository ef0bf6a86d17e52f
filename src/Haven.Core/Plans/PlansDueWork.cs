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
public sealed class PlansChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Plans";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Plans.Any(p => p.ChildId == id) || d.ChildInNeedPlans.Any(p => p.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// Part 0 plans (N id, A kind, On start, Until end), 1 child in need plan reviews (On date, N plan,
    /// M plan version), 2 child in need plans closed (N plan, Until end, A closure reason).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) =>
        d.Plans.Where(p => p.ChildId == id)
            .Select(p => new ChronologyRow(source, 0, p.StartDate, p.EndDate, ChronologyRow.Text(p.Kind.ToString()), null, null, p.Id, null, null, null, null, null))
        .Concat(d.ChildInNeedPlanReviews.Join(d.ChildInNeedPlans, r => r.ChildInNeedPlanId, p => p.Id, (r, p) => new { r, p })
            .Where(x => x.p.ChildId == id).Select(x => new ChronologyRow(source, 1, x.r.Date, null, null, null, null, x.p.PlanId, x.r.PlanVersionNumber, null, null, null, null)))
        .Concat(d.ChildInNeedPlans.Where(p => p.ChildId == id && p.ClosureReason != null)
            .Select(p => new ChronologyRow(source, 2, null, p.EndDate, ChronologyRow.Text(p.ClosureReason!.Value.ToString()), null, null, p.PlanId, null, null, null, null, null)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var items = new List<ChronologyItem>();
        foreach (var p in rows.Where(r => r.Part == 0))
        {
            var kind = Plan.Describe(Enum.Parse<PlanKind>(p.A!));
            items.Add(new(At(p.On!.Value), false, Category, $"{kind} started", null, null, $"plans/{p.N}"));
            if (p.Until is { } end) items.Add(new(At(end), false, Category, $"{kind} ended", null, null, $"plans/{p.N}"));
        }
        items.AddRange(rows.Where(r => r.Part == 1).Select(r => new ChronologyItem(At(r.On!.Value), false, Category, "Child in need plan reviewed",
            r.M is { } n ? $"Plan changed: version {n}" : "Plan unchanged", null, $"plans/{r.N}")));
        items.AddRange(rows.Where(r => r.Part == 2).Select(c => new ChronologyItem(At(c.Until!.Value), false, Category, "Child in need plan closed",
            ChildInNeedPlan.Describe(Enum.Parse<ChildInNeedPlanClosureReason>(c.A!)), null, $"plans/{c.N}")));
        return items;
    }
}
