using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildrenLookedAfter;

/// The placement stability figures the stability page shows, each one a list of children.
public enum StabilityMeasure { InCare, MovedInLastYear, ThreeOrMorePlacements, LongTermCohort, LongTermStable, AtADistance, OutsideArea }

/// One child looked after now, with what the stability measures say about them on a date.
public sealed record StabilityChild(int ChildId, DateOnly InCareSince, int MovesInLastYear, int PlacementsInLastYear,
    bool? LongTermStable, decimal? DistanceMiles, bool? InsideArea, string? CurrentPlacementType, DateOnly? CurrentPlacementSince)
{
    public bool Matches(StabilityMeasure m) => m switch
    {
        StabilityMeasure.InCare => true,
        StabilityMeasure.MovedInLastYear => MovesInLastYear > 0,
        StabilityMeasure.ThreeOrMorePlacements => PlacementsInLastYear >= 3,
        StabilityMeasure.LongTermCohort => LongTermStable is not null,
        StabilityMeasure.LongTermStable => LongTermStable == true,
        StabilityMeasure.AtADistance => DistanceMiles is { } d && d > PlacementDistance.AtADistanceMiles,
        StabilityMeasure.OutsideArea => InsideArea == false,
        _ => false,
    };

    public static string Describe(StabilityMeasure m) => m switch
    {
        StabilityMeasure.InCare => "Children looked after now",
        StabilityMeasure.MovedInLastYear => "Moved placement in the last 12 months",
        StabilityMeasure.ThreeOrMorePlacements => "3 or more placements in the last 12 months",
        StabilityMeasure.LongTermCohort => "Under 16 and looked after for 2.5 years or more",
        StabilityMeasure.LongTermStable => "Of those, in the same placement for 2 years or more",
        StabilityMeasure.AtADistance => "Placed more than 20 miles from home",
        _ => "Placed outside the council's area",
    };
}

/// Works out the stability measures live from the current episodes of every open period of care
/// (the rules are in Stability). Counts include every child looked after; which of them a viewer
/// may see named is for the page to decide.
public sealed class StabilityFigures(HavenDbContext db)
{
    public async Task<IReadOnlyList<StabilityChild>> LoadAsync(DateOnly on, CancellationToken ct = default) =>
        (await LoadAsync([on], ct))[on];

    /// The same figures on each of several dates (a month-end trend) from one load: the periods of
    /// care open on any of the dates and their placements, then every date worked out in memory.
    public async Task<IReadOnlyDictionary<DateOnly, IReadOnlyList<StabilityChild>>> LoadAsync(IReadOnlyCollection<DateOnly> dates, CancellationToken ct = default)
    {
        var result = dates.Distinct().ToDictionary(d => d, _ => (IReadOnlyList<StabilityChild>)[]);
        if (result.Count == 0) return result;
        var first = result.Keys.Min();
        var last = result.Keys.Max();
        var periodsQuery = db.PeriodsOfCare.AsNoTracking().Where(p => p.StartDate <= last && (p.EndDate == null || p.EndDate > first));
        var periods = await periodsQuery.Select(p => new { p.Id, p.ChildId, p.StartDate, p.EndDate, p.Child.DateOfBirth }).ToListAsync(ct);
        var periodIds = periodsQuery.Select(p => p.Id);
        var placements = await db.Episodes.AsNoTracking().Where(e => periodIds.Contains(e.PeriodOfCareId) && e.SupersededAt == null)
            .Select(e => e.Placement).Distinct()
            .Select(x => new { x.Id, x.PeriodOfCareId, x.StartDate, x.EndDate, x.PlacementTypeCode, x.DistanceFromHomeMiles, x.InsideCouncilArea }).ToListAsync(ct);
        var byPeriod = placements.ToLookup(p => p.PeriodOfCareId);
        var children = periods.Where(p => p.DateOfBirth is not null).Select(p =>
        {
            var mine = byPeriod[p.Id].OrderBy(x => x.StartDate).ToList();
            var c = new ChildPlacements(p.ChildId, p.DateOfBirth!.Value, p.StartDate,
                mine.Select(x => new PlacementSpan(x.StartDate, x.EndDate, x.PlacementTypeCode, x.DistanceFromHomeMiles)).ToList());
            return (Period: p, Placements: mine, Child: c);
        }).ToList();
        foreach (var on in result.Keys.ToList())
        {
            var list = new List<StabilityChild>();
            foreach (var (p, mine, c) in children)
            {
                if (p.StartDate > on || (p.EndDate is { } end && end <= on)) continue;
                var current = mine.LastOrDefault(x => x.StartDate <= on && (x.EndDate is null || x.EndDate > on));
                list.Add(new StabilityChild(p.ChildId, p.StartDate, Stability.MovesInLastYear(c, on), Stability.PlacementsInLastYear(c, on),
                    Stability.LongTermStable(c, on), current?.DistanceFromHomeMiles, current?.InsideCouncilArea, current?.PlacementTypeCode, current?.StartDate));
            }
            result[on] = list;
        }
        return result;
    }
}
