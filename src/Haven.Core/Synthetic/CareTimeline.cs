using Haven.Core.ChildrenLookedAfter;
using PlacementRecord = Haven.Core.ChildrenLookedAfter.Placement;

namespace Haven.Core.Synthetic;

/// How a child came into care, which decides the first legal statuses (police protection, an
/// emergency protection order, section 20, straight to court).
public enum CareRoute { Voluntary, VoluntaryThenCourt, Court, PoliceProtection, EmergencyProtection }

/// The generator's plan of one period of care, free of the database: the legal statuses over time,
/// and the SSDA903 episodes they make with the placements, built through EpisodeRules.
public static class CareTimeline
{
    /// Legal statuses from the start of care, in date order. Null route: an unaccompanied asylum
    /// seeking child, accommodated under section 20 throughout.
    public static List<(DateOnly Date, string Code)> LegalStatuses(Random rng, CareRoute? route, int ageAtStart, DateOnly start, DateOnly until, IReadOnlyList<PlacementRecord> placements)
    {
        List<(DateOnly Date, string Code)> timeline = route is { } r ? CourtTimeline(rng, r, ageAtStart, start, until, placements) : [(start, "V2")];
        // A child placed for adoption is under a placement order by the time they move in; for an
        // adoption that went to an order, about 8 months before (CLA25: decision to match 10 months,
        // match to placed 1 month).
        if (placements.FirstOrDefault(p => p.PlacementTypeCode.StartsWith('A')) is { } adoption)
            PlacementOrderBefore(timeline, start, adoption.StartDate,
                adoption.EndDate is null ? rng.Between(20, 90) : rng.Between(120, 330));
        return timeline;
    }

    private static List<(DateOnly Date, string Code)> CourtTimeline(Random rng, CareRoute r, int ageAtStart, DateOnly start, DateOnly until, IReadOnlyList<PlacementRecord> placements)
    {
        // A child placed with parents cannot be accommodated under section 20 (903 rule 378).
        if (r is CareRoute.Voluntary or CareRoute.VoluntaryThenCourt && placements.Any(p => p.PlacementTypeCode == "P1")) r = CareRoute.Court;
        var timeline = new List<(DateOnly Date, string Code)>();
        var courtFrom = start;
        switch (r)
        {
            case CareRoute.Voluntary: timeline.Add((start, "V2")); break;
            case CareRoute.VoluntaryThenCourt: timeline.Add((start, "V2")); courtFrom = start.AddDays(rng.Between(20, 120)); break;
            case CareRoute.PoliceProtection: timeline.Add((start, "L1")); courtFrom = start.AddDays(rng.Between(1, 3)); break;
            case CareRoute.EmergencyProtection: timeline.Add((start, "L2")); courtFrom = start.AddDays(rng.Between(3, 8)); break;
        }
        if (r != CareRoute.Voluntary)
        {
            if (courtFrom == start) timeline.Add((start, "C1"));
            else if (courtFrom < until) timeline.Add((courtFrom, "C1"));
            // Care proceedings mostly end within 26 to 45 weeks with a full care order.
            var order = courtFrom.AddDays(rng.Between(120, 280));
            if (order < until && rng.Chance(0.95))
            {
                timeline.Add((order, "C2"));
                // Young children with a plan for adoption get a placement order some months later.
                var placementOrder = order.AddDays(rng.Between(60, 200));
                if (ageAtStart < 5 && placementOrder < until && rng.Chance(0.35)) timeline.Add((placementOrder, "E1"));
            }
        }
        return timeline;
    }

    /// 903 rule 408: from the first placement for adoption on, the child is under a placement order
    /// (E1), whatever else the court timeline planned. Statuses planned on or after the move are
    /// dropped (a care order or placement order dated later would leave the placement without one);
    /// the placement order is made <paramref name="daysBefore"/> days before the move, or the day after
    /// the last earlier status if that is later (at the latest, the day of the move).
    public static void PlacementOrderBefore(List<(DateOnly Date, string Code)> timeline, DateOnly start, DateOnly placedForAdoption, int daysBefore)
    {
        var placed = placedForAdoption < start ? start : placedForAdoption;
        timeline.RemoveAll(t => t.Date >= placed && t.Code is not ("E1" or "D1") || t.Date > placed);
        if (timeline.Count == 0) { timeline.Add((start, "E1")); return; }
        var last = timeline[^1];
        if (last.Code is "E1" or "D1") return;
        // Every status left is dated before the move, so the order fits between the last one and the move.
        var po = placed.AddDays(-daysBefore);
        timeline.Add((po > last.Date ? po : last.Date.AddDays(1), "E1"));
    }

    /// The episodes of the period: the first placement and legal status, then each legal status change
    /// and each move applied in date order through EpisodeRules (a change the rules refuse is left
    /// out), then the ending. Placement keys are the placements' ids. The move reason is drawn for each
    /// move in date order and the reason care ended once, at the end.
    public static IReadOnlyList<EpisodeLine> Episodes(DateOnly start, DateOnly until, DateOnly? end, IReadOnlyList<(DateOnly Date, string Code)> legal,
        IReadOnlyList<PlacementRecord> placements, Func<string> moveReason, Func<string> ceased)
    {
        IReadOnlyList<EpisodeLine> lines = [new(start, null, "S", legal[0].Code, placements[0].Id, placements[0].Id, null)];
        var changes = legal.Skip(1).Select(l => (l.Date, Legal: (string?)l.Code, Placement: (PlacementRecord?)null))
            .Concat(placements.Skip(1).Select(p => (Date: p.StartDate, Legal: (string?)null, Placement: (PlacementRecord?)p)))
            .Where(c => c.Date > start && c.Date < until)
            .GroupBy(c => c.Date).OrderBy(g => g.Key);
        foreach (var g in changes)
        {
            var ls = g.Select(c => c.Legal).LastOrDefault(c => c is not null);
            var p = g.Select(c => c.Placement).LastOrDefault(c => c is not null);
            var (after, problems) = EpisodeRules.Apply(lines, new EpisodeChange(g.Key, ls, p?.Id, p?.Id, p is null ? null : moveReason()));
            if (problems.Count == 0) lines = after;
        }
        if (end is { } e && e > lines[^1].Start)
        {
            var (after, problems) = EpisodeRules.End(lines, e, ceased());
            if (problems.Count == 0) lines = after;
        }
        return lines;
    }
}
