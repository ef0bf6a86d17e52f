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
    public async Task<IReadOnlyList<StabilityChild>> LoadAsync(DateOnly on, CancellationToken ct = default)
    {
        var periods = await db.PeriodsOfCare.AsNoTracking()
            .Where(p => p.StartDate <= on && (p.EndDate == null || p.EndDate > on))
            .Select(p => new { p.Id, p.ChildId, p.StartDate, p.Child.DateOfBirth }).ToListAsync(ct);
        var ids = periods.Select(p => p.Id).ToList();
        var placements = new List<Placement>();
        foreach (var chunk in ids.Chunk(1000))
            placements.AddRange(await db.Episodes.AsNoTracking().Where(e => chunk.Contains(e.PeriodOfCareId) && e.SupersededAt == null)
                .Select(e => e.Placement).Distinct().ToListAsync(ct));
        var byPeriod = placements.ToLookup(p => p.PeriodOfCareId);
        var result = new List<StabilityChild>();
        foreach (var p in periods.Where(p => p.DateOfBirth is not null))
        {
            var mine = byPeriod[p.Id].OrderBy(x => x.StartDate).ToList();
            var c = new ChildPlacements(p.ChildId, p.DateOfBirth!.Value, p.StartDate,
                mine.Select(x => new PlacementSpan(x.StartDate, x.EndDate, x.PlacementTypeCode, x.DistanceFromHomeMiles)).ToList());
            var current = mine.LastOrDefault(x => x.StartDate <= on && (x.EndDate is null || x.EndDate > on));
            result.Add(new StabilityChild(p.ChildId, p.StartDate, Stability.MovesInLastYear(c, on), Stability.PlacementsInLastYear(c, on),
                Stability.LongTermStable(c, on), current?.DistanceFromHomeMiles, current?.InsideCouncilArea, current?.PlacementTypeCode, current?.StartDate));
        }
        return result;
    }
}
