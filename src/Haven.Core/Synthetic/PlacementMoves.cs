namespace Haven.Core.Synthetic;

/// When a child in care moves placement, for the synthetic borough. Moves are not spread evenly
/// over a period of care: most come in the first months, and a child who has settled rarely moves
/// (national-statistics.md §3: 10% of children looked after have 3 or more placements in a year,
/// and 69% of those under 16 in care for 2.5 years or more have been in the same placement for
/// 2 years). So each month of the period carries a chance of a move that falls with time in care:
/// at a rate of 3 moves a year in the first 3 months, 0.8 a year to the end of the first year, 0.4
/// in the second year and 0.16 after that. (An earlier plan drew 0–3 moves at any time in the
/// period, which gave 27% with 3+ placements and 37% long-term stability.)
///
/// Periods that last 2.5 years or more (the long-term cohort's) are planned apart, because a
/// falling monthly chance left their stability to how long each happened to last: a child 2.5
/// years in care with that chance is in the same placement for 2 years only 4 times in 10, one 5
/// years in 7 in 10, and the borough's 15–20 such children gave 53% over 7 year-ends. Instead the
/// caller says whether the child settles (SettledShare of them, from a stratified sequence): one
/// who settles moves only in the first SettleByMonth months, so at any date from 2.5 years they
/// have been in the same placement for 2 years; one who does not keeps moving, every 12 to 22
/// months, so at no such date have they.
public static class PlacementMoves
{
    public static double RatePerYear(int monthInCare) => monthInCare < 3 ? 3.0 : monthInCare < 12 ? 0.8 : monthInCare < 24 ? 0.4 : 0.16;

    /// The long-term stability cohort's time in care (Stability.InLongTermCohort): 2.5 years.
    public const int LongTermMonths = 30;

    /// A child who settles makes their last move within this many months of coming into care.
    public const int SettleByMonth = 6;

    /// England 69% (national-statistics.md §3); a little above it, because children placed with
    /// their adopters in the last 2 years of a long period have moved whether or not they settled.
    public const double SettledShare = 0.72;

    /// Whether a period from start to until (its end, or today when open) reaches the long-term
    /// cohort, so needs to be told whether the child settles.
    public static bool IsLong(DateOnly start, DateOnly until) => start.AddMonths(LongTermMonths) <= until;

    /// The dates the child moves, in order, strictly between the start and a week before the end.
    /// Settles is null for a period shorter than 2.5 years (the falling monthly chance throughout).
    public static List<DateOnly> Plan(Random rng, DateOnly start, DateOnly until, bool? settles = null)
    {
        var moves = new List<DateOnly>();
        var last = until.AddDays(-7);
        for (var month = 0; settles is null || month < SettleByMonth; month++)
        {
            var from = start.AddDays(14).AddMonths(month);
            if (from >= last) break;
            if (!rng.Chance(RatePerYear(month) / 12)) continue;
            var to = from.AddMonths(1).AddDays(-1);
            var day = rng.DateBetween(from, to < last ? to : last);
            if (day > start && day < until && (moves.Count == 0 || day > moves[^1])) moves.Add(day);
        }
        if (settles == false)
        {
            // Keeps moving: the first later move between 7 and 24 months in, then every 12 to 22
            // months, so no 2 years from 6 months on pass without a move.
            var next = start.AddMonths(rng.Between(SettleByMonth + 1, 24)).AddDays(rng.Between(0, 27));
            while (next < last)
            {
                if (moves.Count == 0 || next > moves[^1]) moves.Add(next);
                next = next.AddMonths(rng.Between(12, 22)).AddDays(rng.Between(0, 27));
            }
        }
        return moves;
    }
}
