using Haven.Core.ChildrenLookedAfter;

namespace Haven.Core.DeprivationOfLiberty;

/// One episode of care as the rules see it: the 903 DECOM, DEC (null while open) and PLACE. On a day
/// one episode ends and another starts (REC X1), the one that starts is the child's placement.
public sealed record CareEpisode(DateOnly Start, DateOnly? End, string PlacementType);

/// The rules for a deprivation of liberty order (statutory-returns.md §1.3, 2026-27: "a DoLO must sit
/// inside care, only with placement K2, Z12 or Z13; not in secure homes, with parents, in YOIs or in
/// supported accommodation"), in one place: checked when an order is recorded or changed (the page
/// and the API, through DeprivationOfLibertyService) and over the 903 DoLo file (Rules/DoLoRules).
public static class DeprivationOfLibertyRules
{
    /// The 903 placement types an order may be reported with, from the placement type code list.
    public static readonly IReadOnlyList<string> AllowedPlacementTypes = Checked(["K2", "Z12", "Z13"]);

    private static IReadOnlyList<string> Checked(string[] codes) =>
        codes.All(LookedAfterCodes.PlacementType.Contains) ? codes : throw new InvalidOperationException("A DoLO placement type is not in 903_placement_type");

    public static bool AllowedPlacement(string placementType) => AllowedPlacementTypes.Contains(placementType);

    public const string StartField = "StartDate", EndField = "EndDate";

    // The return's messages (903 column names), used by Rules/DoLoRules.
    public const string InCareMessage = "A deprivation of liberty order must be within a period of care: the child was not looked after on every day from DOLO_START to DOLO_END.";
    public const string PlacementMessage = "A deprivation of liberty order is only valid with placement K2, Z12 or Z13 (not a secure children's home, with parents, a young offender institution or supported accommodation).";
    public const string DatesMessage = "DOLO_END is before DOLO_START.";
    public const string OverlapMessage = "A child's deprivation of liberty orders overlap.";

    /// The first day from `from` to `to` (inclusive) on which no episode has the child looked after, or null.
    public static DateOnly? FirstDayOutOfCare(DateOnly from, DateOnly to, IReadOnlyCollection<CareEpisode> episodes)
    {
        var day = from;
        while (day <= to)
        {
            var covering = episodes.Where(e => e.Start <= day && (e.End is null || e.End >= day)).ToList();
            if (covering.Count == 0) return day;
            if (covering.Any(e => e.End is null)) return null;
            day = covering.Max(e => e.End!.Value).AddDays(1);
        }
        return null;
    }

    /// The first day from `from` to `to` on which the child's placement is not one a DoLO may be
    /// reported with, and that placement type; null if there is none.
    public static (DateOnly Day, string PlacementType)? FirstDayInWrongPlacement(DateOnly from, DateOnly to, IReadOnlyCollection<CareEpisode> episodes)
    {
        (DateOnly Day, string PlacementType)? first = null;
        foreach (var e in episodes)
        {
            if (AllowedPlacement(e.PlacementType)) continue;
            // The episode is the placement up to the day before a later one starts within it.
            var next = episodes.Where(f => f.Start > e.Start && (e.End is null || f.Start <= e.End)).Select(f => (DateOnly?)f.Start).Min();
            var until = next?.AddDays(-1) ?? e.End ?? DateOnly.MaxValue;
            var a = e.Start > from ? e.Start : from;
            var b = until < to ? until : to;
            if (a <= b && (first is null || a < first.Value.Day)) first = (a, e.PlacementType);
        }
        return first;
    }

    /// The problems with an order as entered, keyed by field (StartDate, EndDate), with the child's
    /// current episodes and their other orders (start, end). An order in force is checked up to today.
    public static Dictionary<string, string> Validate(DateOnly start, DateOnly? end, DateOnly today,
        IReadOnlyCollection<CareEpisode> episodes, IReadOnlyCollection<(DateOnly Start, DateOnly? End)> otherOrders)
    {
        var errors = new Dictionary<string, string>();
        if (start > today) errors[StartField] = "The date the order started must be today or in the past";
        if (end is { } e && e > today) errors[EndField] = "The date the order ended must be today or in the past";
        else if (end is { } e2 && e2 < start) errors[EndField] = "The date the order ended must be the same as or after the date it started";
        if (errors.Count > 0) return errors;

        var to = end ?? today;
        if (FirstDayOutOfCare(start, to, episodes) is { } outOfCare)
        {
            if (outOfCare == start)
                errors[StartField] = $"The child was not looked after on {Show(start)}: a deprivation of liberty order must be within a period of care";
            else if (end is null)
                errors[EndField] = $"The child was not looked after on {Show(outOfCare)}: enter the date the order ended, within the period of care";
            else
                errors[EndField] = $"The child was not looked after on {Show(outOfCare)}: a deprivation of liberty order must be within a period of care";
            return errors;
        }
        if (FirstDayInWrongPlacement(start, to, episodes) is { } wrong)
        {
            var message = $"On {Show(wrong.Day)} the child's placement was {LookedAfterCodes.Describe(LookedAfterCodes.PlacementType, wrong.PlacementType)}: "
                + "a deprivation of liberty order is only recorded with placement K2 (children's home), Z12 or Z13, "
                + "not in a secure children's home, with parents, in a young offender institution or in supported accommodation";
            errors[wrong.Day == start ? StartField : EndField] = message;
            return errors;
        }
        foreach (var other in otherOrders.Where(o => Overlaps(start, end, o.Start, o.End)).OrderBy(o => o.Start).Take(1))
            errors[StartField] = $"The child already has a deprivation of liberty order from {Show(other.Start)}{(other.End is { } oe ? $" to {Show(oe)}" : " (still in force)")}: orders cannot overlap";
        return errors;
    }

    /// Two orders overlap when they share a day; an order may start the day after another ended.
    public static bool Overlaps(DateOnly aStart, DateOnly? aEnd, DateOnly bStart, DateOnly? bEnd) =>
        aStart <= (bEnd ?? DateOnly.MaxValue) && bStart <= (aEnd ?? DateOnly.MaxValue);

    private static string Show(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
