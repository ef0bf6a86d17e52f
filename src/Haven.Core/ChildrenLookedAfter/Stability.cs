namespace Haven.Core.ChildrenLookedAfter;

/// One child's placements and time in care, as the stability measures need them.
public sealed record ChildPlacements(int ChildId, DateOnly DateOfBirth, DateOnly InCareSince, IReadOnlyList<PlacementSpan> Placements);

public sealed record PlacementSpan(DateOnly Start, DateOnly? End, string PlacementTypeCode, decimal? DistanceMiles);

/// The DfE placement stability measures (timescales.md row 52; national-statistics.md §3), worked
/// out live for a date. Temporary placements (T0–T4) are not counted as placements or moves.
public static class Stability
{
    /// Moves in the 12 months to the date: placements that started in that year, other than the
    /// child's first placement in care.
    public static int MovesInLastYear(ChildPlacements c, DateOnly on)
    {
        var counted = c.Placements.Where(p => !LookedAfterCodes.IsTemporary(p.PlacementTypeCode)).OrderBy(p => p.Start).ToList();
        var from = on.AddYears(-1);
        return counted.Skip(1).Count(p => p.Start > from && p.Start <= on);
    }

    /// Placements the child lived in at any time in the 12 months to the date (the "3 or more
    /// placements in the year" measure counts these).
    public static int PlacementsInLastYear(ChildPlacements c, DateOnly on)
    {
        var from = on.AddYears(-1);
        return c.Placements.Count(p => !LookedAfterCodes.IsTemporary(p.PlacementTypeCode) && p.Start <= on && (p.End is null || p.End > from));
    }

    public static bool HasThreeOrMorePlacements(ChildPlacements c, DateOnly on) => PlacementsInLastYear(c, on) >= 3;

    /// Long-term stability: under 16, looked after for 2.5 years or more, and in the same placement
    /// for 2 years or more. Null when the child is not in the measure's cohort.
    public static bool? LongTermStable(ChildPlacements c, DateOnly on)
    {
        if (!InLongTermCohort(c, on)) return null;
        var current = Current(c, on);
        return current is not null && current.Start.AddYears(2) <= on;
    }

    public static bool InLongTermCohort(ChildPlacements c, DateOnly on) =>
        c.DateOfBirth.AddYears(16) > on && c.InCareSince.AddMonths(30) <= on && Current(c, on) is not null;

    /// Placed more than 20 miles from home now.
    public static bool AtADistance(ChildPlacements c, DateOnly on) =>
        Current(c, on) is { DistanceMiles: { } miles } && miles > PlacementDistance.AtADistanceMiles;

    public static PlacementSpan? Current(ChildPlacements c, DateOnly on) =>
        c.Placements.Where(p => !LookedAfterCodes.IsTemporary(p.PlacementTypeCode) && p.Start <= on && (p.End is null || p.End > on))
            .OrderByDescending(p => p.Start).FirstOrDefault();
}
