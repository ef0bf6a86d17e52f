using Haven.Core.Access;
using Haven.Core.ChildrenInCare;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Permanence;

public sealed record ChildWithoutPlan(int ChildId, string Name, DateOnly? InCareSince);

/// Permanence across the children in care, and adoption timeliness across adopted children.
public sealed class PermanenceFigures(HavenDbContext db, ICareSpans care, ChildAccess access)
{
    /// Children in care now, visible to the worker, without a permanence plan.
    public async Task<IReadOnlyList<ChildWithoutPlan>> WithoutPlanAsync(CurrentWorker worker, CancellationToken ct)
    {
        var inCare = care.InCareNow();
        var plans = db.PermanencePlans;
        var children = await access.Children(worker).Where(p => inCare.Contains(p.Id) && !plans.Any(x => x.ChildId == p.Id))
            .OrderBy(p => p.LastName).ThenBy(p => p.FirstName).Select(p => new { p.Id, p.FirstName, p.LastName }).Take(500).ToListAsync(ct);
        var spans = (await care.ForChildrenAsync(children.Select(c => c.Id).ToList(), ct)).Where(s => s.End is null).ToDictionary(s => s.ChildId, s => s.Start);
        return children.Select(c => new ChildWithoutPlan(c.Id, $"{c.FirstName} {c.LastName}", spans.TryGetValue(c.Id, out var s) ? s : null)).ToList();
    }

    /// Counts of current plans by type and on track, over every child in care now (counts only, no names).
    public async Task<(int InCare, int WithPlan, IReadOnlyList<(PermanencePlanType Type, int Count, int OnTrack)> ByType)> PlansAsync(CancellationToken ct)
    {
        var inCare = care.InCareNow();
        var total = await inCare.Distinct().CountAsync(ct);
        var plans = await db.PermanencePlans.AsNoTracking().Where(p => inCare.Contains(p.ChildId))
            .Select(p => new { p.ChildId, p.Type, p.OnTrack, p.SetAtReview, p.Id }).ToListAsync(ct);
        var current = plans.GroupBy(p => p.ChildId).Select(g => g.OrderByDescending(p => p.SetAtReview).ThenByDescending(p => p.Id).First()).ToList();
        var byType = Enum.GetValues<PermanencePlanType>().Select(t => (t, current.Count(p => p.Type == t), current.Count(p => p.Type == t && p.OnTrack))).ToList();
        return (total, current.Count, byType);
    }

    /// Adoption timeliness for children whose adoption order falls in the period (sealed records are
    /// counted, never named).
    public async Task<TimelinessSummary> TimelinessAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cases = await db.AdoptionCases.AsNoTracking().Where(a => a.AdoptionOrderDate >= from && a.AdoptionOrderDate <= to).ToListAsync(ct);
        var spans = (await care.ForChildrenAsync(cases.Select(c => c.ChildId).ToList(), ct)).ToLookup(s => s.ChildId, s => s.Start);
        var items = cases.Select(a => PermanenceService.EnteredCare(spans[a.ChildId], a.AdmDecisionDate) is { } e ? PermanenceService.Timeliness(a, e) : null)
            .OfType<AdoptionTimeliness>().ToList();
        return TimelinessSummary.Of(items);
    }

    /// Brothers and sisters: how many adopted children were placed together, apart, or partly together.
    public async Task<IReadOnlyList<(SiblingPlacement Placement, int Count)>> SiblingsAsync(CancellationToken ct) =>
        (await db.AdoptionCases.AsNoTracking().GroupBy(a => a.Siblings).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();
}
