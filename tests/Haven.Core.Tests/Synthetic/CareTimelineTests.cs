using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Synthetic;

namespace Haven.Core.Tests.Synthetic;

/// The generator's plan of a period of care, over many random histories (cheap: no database).
public sealed class CareTimelineTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);
    private static readonly string[] Types = ["U4", "U6", "U1", "K2", "P1", "A6", "A6", "A6"];

    /// A random period of care like the generator's: one to six placements end to end, some of them
    /// placements for adoption (first, last, in between, more than one), open or ended.
    private static (DateOnly Start, DateOnly Until, DateOnly? End, List<Placement> Placements) Random(Random rng)
    {
        var start = new DateOnly(2014, 1, 1).AddDays(rng.Next(0, 4200));
        var placements = new List<Placement>();
        var from = start;
        var count = rng.Next(1, 7);
        for (var i = 0; i < count && from < Today; i++)
        {
            var days = rng.Next(0, 4) == 0 ? rng.Next(1, 10) : rng.Next(10, 700);
            var to = from.AddDays(days);
            placements.Add(new Placement { Id = i + 1, PlacementTypeCode = Types[rng.Next(Types.Length)], StartDate = from, EndDate = to < Today ? to : null });
            if (to >= Today) break;
            from = to;
        }
        var last = placements[^1];
        DateOnly? end = last.EndDate is { } e && rng.Next(0, 3) > 0 ? e : null;
        if (end is null) last.EndDate = null;
        return (start, end ?? Today, end, placements);
    }

    [Fact]
    public void Episodes_ManyRandomHistories_PlacedForAdoptionOnlyUnderAPlacementOrder()
    {
        var failures = new List<string>();
        var adoptions = 0;
        for (var seed = 0; seed < 20_000; seed++)
        {
            var rng = new Random(seed);
            var (start, until, end, placements) = Random(rng);
            CareRoute? route = rng.Next(0, 12) == 0 ? null : (CareRoute)rng.Next(0, 5);
            var legal = CareTimeline.LegalStatuses(rng, route, rng.Next(0, 5), start, until, placements);
            var lines = CareTimeline.Episodes(start, until, end, legal, placements, () => "CARPL", () => "E11");
            var types = placements.ToDictionary(p => p.Id, p => p.PlacementTypeCode);
            if (lines.Any(l => types[l.PlacementKey] == "A6")) adoptions++;
            var problems = EpisodeRules.Check(lines);
            if (problems.Count > 0) failures.Add($"seed {seed}: {problems[0].Message}");
            // 903 rule 408: A5/A6 only under a placement order (E1) or a freeing order (D1).
            foreach (var l in lines.Where(l => types[l.PlacementKey] is "A5" or "A6" && l.LegalStatus is not ("E1" or "D1")))
                failures.Add($"seed {seed}: placed for adoption on {l.Start} under {l.LegalStatus}; legal {string.Join(", ", legal)}; placements {string.Join(", ", placements.Select(p => $"{p.PlacementTypeCode} {p.StartDate}"))}");
        }
        Assert.True(adoptions > 5_000, $"only {adoptions} histories placed a child for adoption");
        Assert.True(failures.Count == 0, $"{failures.Count} failures, e.g.\n{string.Join("\n", failures.Take(10))}");
    }
}
