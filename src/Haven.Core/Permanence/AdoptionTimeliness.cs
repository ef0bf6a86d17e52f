using Haven.Core.Calendar;

namespace Haven.Core.Permanence;

/// One child's adoption timeliness in days, against the adoption scorecard thresholds
/// (timescales.md rows 70-72): A1 entry to care to moving in with the adoptive family (426 days),
/// A10 the same but stopping when the child moved in with foster carers who adopted them, A2
/// placement order to match (121 days). Null where the later date is not yet recorded.
public sealed record AdoptionTimeliness(int? EntryToMovedIn, int? EntryToMovedInA10, int? PlacementOrderToMatch)
{
    public static readonly int A1Threshold = Timescales.AdoptionEntryToMovedIn.Period.Count;
    public static readonly int A2Threshold = Timescales.AdoptionPlacementOrderToMatch.Period.Count;

    public bool? A1Met => EntryToMovedIn is { } d ? d <= A1Threshold : null;
    public bool? A10Met => EntryToMovedInA10 is { } d ? d <= A1Threshold : null;
    public bool? A2Met => PlacementOrderToMatch is { } d ? d <= A2Threshold : null;

    /// entered care: the start of the period of care the child was adopted from; placed: when the
    /// child was placed for adoption with the adopters; movedIn: when they moved in with the family
    /// that adopted them (earlier than placed for foster to adopt).
    public static AdoptionTimeliness For(DateOnly enteredCare, DateOnly? placementOrder, DateOnly? match, DateOnly? placed, DateOnly? movedIn)
    {
        int? Days(DateOnly? from, DateOnly? to) => from is { } f && to is { } t ? t.DayNumber - f.DayNumber : null;
        var a1End = placed ?? movedIn;
        var a10End = movedIn is { } m && (placed is null || m < placed) ? m : a1End;
        return new(Days(enteredCare, a1End), Days(enteredCare, a10End), Days(placementOrder, match));
    }
}

/// Averages over children adopted (or matched) in a period, the way the scorecard reports them.
public sealed record TimelinessSummary(int Children, int? AverageA1, int? AverageA10, int? AverageA2, decimal? A1WithinThreshold, decimal? A2WithinThreshold)
{
    public static TimelinessSummary Of(IReadOnlyCollection<AdoptionTimeliness> items)
    {
        static int? Avg(IEnumerable<int?> xs) { var v = xs.OfType<int>().ToList(); return v.Count == 0 ? null : (int)Math.Round(v.Average(), MidpointRounding.AwayFromZero); }
        static decimal? Share(IEnumerable<bool?> xs) { var v = xs.OfType<bool>().ToList(); return v.Count == 0 ? null : Math.Round(100m * v.Count(b => b) / v.Count, 1, MidpointRounding.AwayFromZero); }
        return new(items.Count, Avg(items.Select(i => i.EntryToMovedIn)), Avg(items.Select(i => i.EntryToMovedInA10)), Avg(items.Select(i => i.PlacementOrderToMatch)),
            Share(items.Select(i => i.A1Met)), Share(items.Select(i => i.A2Met)));
    }
}
