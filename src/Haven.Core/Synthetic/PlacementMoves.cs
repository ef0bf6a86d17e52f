namespace Haven.Core.Synthetic;

/// When a child in care moves placement, for the synthetic borough. Moves are not spread evenly
/// over a period of care: most come in the first months, and a child who has settled rarely moves
/// (national-statistics.md §3: 10% of children looked after have 3 or more placements in a year,
/// and 69% of those under 16 in care for 2.5 years or more have been in the same placement for
/// 2 years). So each month of the period carries a chance of a move that falls with time in care:
/// at a rate of 3 moves a year in the first 3 months, 0.8 a year to the end of the first year, 0.4
/// in the second year and 0.16 after that. (An earlier plan drew 0–3 moves at any time in the
/// period, which gave 27% with 3+ placements and 37% long-term stability.)
public static class PlacementMoves
{
    public static double RatePerYear(int monthInCare) => monthInCare < 3 ? 3.0 : monthInCare < 12 ? 0.8 : monthInCare < 24 ? 0.4 : 0.16;

    /// The dates the child moves, in order, strictly between the start and a week before the end.
    public static List<DateOnly> Plan(Random rng, DateOnly start, DateOnly until)
    {
        var moves = new List<DateOnly>();
        var last = until.AddDays(-7);
        for (var month = 0; ; month++)
        {
            var from = start.AddDays(14).AddMonths(month);
            if (from >= last) break;
            if (!rng.Chance(RatePerYear(month) / 12)) continue;
            var to = from.AddMonths(1).AddDays(-1);
            var day = rng.DateBetween(from, to < last ? to : last);
            if (day > start && day < until && (moves.Count == 0 || day > moves[^1])) moves.Add(day);
        }
        return moves;
    }
}
