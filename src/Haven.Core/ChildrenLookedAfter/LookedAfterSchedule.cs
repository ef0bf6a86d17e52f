using Haven.Core.Calendar;

namespace Haven.Core.ChildrenLookedAfter;

/// When the next statutory visit and looked-after review are due. "At intervals of not more than"
/// counts from the last visit or review actually held (timescales.md §1.3).
public static class LookedAfterSchedule
{
    /// Visits (CPPCR reg 28): within a week of the placement starting; then at most every 6 weeks
    /// in the first year; after the first year at most 3-monthly when a review has agreed the
    /// placement is long-term (meant to last until 18), otherwise still 6-weekly.
    public static (DateOnly Due, TimescaleRule Rule, string What) NextVisit(DateOnly placementStart, DateOnly? longTermAgreed, DateOnly? lastVisit)
    {
        if (lastVisit is not { } last || last < placementStart)
            return (Timescales.FirstPlacementVisit.DueFrom(placementStart), Timescales.FirstPlacementVisit, "Statutory visit in the first week of the placement");
        var firstYearEnds = placementStart.AddYears(1);
        if (longTermAgreed is { } agreed && agreed <= last && last >= firstYearEnds)
            return (Timescales.PlacementUntilAdulthoodVisit.DueFrom(last), Timescales.PlacementUntilAdulthoodVisit, "Statutory visit (long-term placement)");
        return (Timescales.LookedAfterVisit.DueFrom(last), Timescales.LookedAfterVisit, "Statutory visit");
    }

    /// Reviews (CPPCR reg 33): the first within 20 working days of the child becoming looked after,
    /// the second within 3 months of the first, then at most every 6 months after the last.
    public static (DateOnly Due, TimescaleRule Rule, string What) NextReview(DateOnly periodStart, IReadOnlyCollection<DateOnly> reviewsInPeriod)
    {
        var held = reviewsInPeriod.Where(d => d >= periodStart).Order().ToList();
        return held.Count switch
        {
            0 => (Timescales.FirstLookedAfterReview.DueFrom(periodStart), Timescales.FirstLookedAfterReview, "First looked-after review"),
            1 => (Timescales.SecondLookedAfterReview.DueFrom(held[0]), Timescales.SecondLookedAfterReview, "Second looked-after review"),
            _ => (Timescales.LookedAfterReview.DueFrom(held[^1]), Timescales.LookedAfterReview, "Looked-after review"),
        };
    }

    /// Whether each review was held in time, in order: the hand-checkable form of NextReview.
    public static IReadOnlyList<bool> ReviewsInTime(DateOnly periodStart, IReadOnlyList<DateOnly> reviews)
    {
        var result = new List<bool>();
        var held = new List<DateOnly>();
        foreach (var r in reviews.Order())
        {
            result.Add(r <= NextReview(periodStart, held).Due);
            held.Add(r);
        }
        return result;
    }
}
