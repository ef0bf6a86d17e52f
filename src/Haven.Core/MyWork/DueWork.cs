using Haven.Core.Calendar;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.MyWork;

public sealed record DueItem(int ChildId, string What, DateOnly Due, TimescaleRule Rule)
{
    public bool IsOverdueOn(DateOnly today) => Due < today;
}

/// What is due for a set of children, derived from their open involvements and the statutory
/// timescales: visits from the last visit actually held, reviews from the last review held.
public sealed class DueWork(HavenDbContext db)
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct = default)
    {
        if (childIds.Count == 0) return [];
        var involvements = await db.Involvements.AsNoTracking()
            .Where(i => childIds.Contains(i.ChildId) && i.EndDate == null).ToListAsync(ct);
        var lastVisits = await db.CaseNotes.AsNoTracking()
            .Where(n => childIds.Contains(n.ChildId) && n.Type == CaseNoteType.StatutoryVisit && n.ChildSeen)
            .GroupBy(n => n.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(n => n.EventAt) })
            .ToDictionaryAsync(x => x.ChildId, x => DateOnly.FromDateTime(x.Last), ct);

        // A pre-birth plan's visits are to the expectant parent, recorded on their record: the unborn
        // child has no statutory visits of their own until born.
        var unborn = await db.People.AsNoTracking()
            .Where(p => childIds.Contains(p.Id) && p.DateOfBirth == null && p.ExpectedDateOfBirth != null)
            .Select(p => p.Id).ToHashSetAsync(ct);

        var items = new List<DueItem>();
        foreach (var i in involvements)
        {
            lastVisits.TryGetValue(i.ChildId, out var lastVisit);
            var visitFrom = lastVisit > i.StartDate ? lastVisit : i.StartDate;
            var hadVisit = lastVisit >= i.StartDate && lastVisit != default;
            switch (i.Kind)
            {
                case InvolvementKind.Assessment:
                    items.Add(Item(i, "Assessment to complete", Timescales.Assessment, i.StartDate));
                    break;
                case InvolvementKind.ChildInNeed:
                    items.Add(Item(i, "Child in need visit", Timescales.ChildInNeedVisit, visitFrom));
                    items.Add(Item(i, "Child in need plan review", Timescales.ChildInNeedPlanReview, i.LastReviewDate ?? i.StartDate));
                    break;
                case InvolvementKind.ChildProtection:
                    items.Add(Item(i, "Child protection visit", Timescales.ChildProtectionVisit, visitFrom));
                    items.Add(i.ReviewsHeld == 0 || i.LastReviewDate is null
                        ? Item(i, "First child protection review conference", Timescales.FirstChildProtectionReview, i.StartDate)
                        : Item(i, "Child protection review conference", Timescales.ChildProtectionReview, i.LastReviewDate.Value));
                    break;
                case InvolvementKind.InCare:
                    items.Add(hadVisit
                        ? Item(i, "Statutory visit", Timescales.LookedAfterVisit, visitFrom)
                        : Item(i, "First statutory visit", Timescales.FirstPlacementVisit, i.StartDate));
                    items.Add(i.ReviewsHeld switch
                    {
                        0 => Item(i, "First looked-after review", Timescales.FirstLookedAfterReview, i.StartDate),
                        1 => Item(i, "Second looked-after review", Timescales.SecondLookedAfterReview, i.LastReviewDate ?? i.StartDate),
                        _ => Item(i, "Looked-after review", Timescales.LookedAfterReview, i.LastReviewDate ?? i.StartDate),
                    });
                    break;
                case InvolvementKind.CareLeaver:
                    items.Add(Item(i, "Pathway plan review", Timescales.PathwayPlanReview, i.LastReviewDate ?? i.StartDate));
                    break;
            }
        }
        return items.Where(x => !(unborn.Contains(x.ChildId) && IsVisit(x.Rule))).OrderBy(x => x.Due).ToList();
    }

    private static bool IsVisit(TimescaleRule rule) => rule == Timescales.ChildInNeedVisit || rule == Timescales.ChildProtectionVisit
        || rule == Timescales.LookedAfterVisit || rule == Timescales.FirstPlacementVisit;

    private static DueItem Item(Involvement i, string what, TimescaleRule rule, DateOnly from) => new(i.ChildId, what, rule.DueFrom(from), rule);
}
