using Haven.Core.DeprivationOfLiberty;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Synthetic;

/// Deprivation of liberty orders for a few children in care, read from the episodes that
/// ChildrenLookedAfterPart wrote, so that every order satisfies DeprivationOfLibertyRules (inside a
/// period of care, every day in a K2, Z12 or Z13 placement) and the generated 903 DoLo file validates.
///
/// Calibration: national-statistics.md has no figure for deprivation of liberty orders. ASSUMPTION:
/// about 1 in 100 children with a period of care on record has had one (TargetShare), made in the last
/// three years (such orders are recent and growing), for a child aged 10 to 17 in a children's home
/// placement of at least four weeks. Each order is made within the first month of the placement and
/// lasts two to twelve months, ending the day before the placement ends if that comes first; an order
/// still running today is in force (no end date).
internal sealed class DeprivationOfLibertyPart : IBoroughPart
{
    public string Name => "Deprivation of liberty";

    /// Children with a period of care on record who have had an order (the assumption above).
    public const double TargetShare = 0.01;

    private static readonly string[] Courts = ["High Court (Family Division)", "High Court (Family Division), sitting at Havenbridge", "Family Division of the High Court, London"];

    public async Task WriteAsync(BoroughPartContext context)
    {
        var rng = context.RandomFor(Name);
        var db = context.Writer.Db;
        var today = context.Today;
        var dobs = context.Plan.Children.Where(c => c.Person.Id > 0 && c.Person.DateOfBirth is not null)
            .ToDictionary(c => c.Person.Id, c => c.Person.DateOfBirth!.Value);
        var episodes = (await db.Episodes.AsNoTracking().Where(e => e.SupersededAt == null)
                .Select(e => new { e.ChildId, e.StartDate, e.EndDate, e.Placement.PlacementTypeCode }).ToListAsync(context.CancellationToken))
            .GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.Select(e => new CareEpisode(e.StartDate, e.EndDate, e.PlacementTypeCode)).OrderBy(e => e.Start).ToList());
        var target = (int)Math.Round(episodes.Count * TargetShare);
        if (target == 0) return;

        // Stretches of back-to-back episodes in a placement an order may be reported with.
        var candidates = new List<(int ChildId, DateOnly Start, DateOnly? End)>();
        foreach (var (childId, eps) in episodes.OrderBy(x => x.Key))
        {
            if (!dobs.TryGetValue(childId, out var dob)) continue;
            (DateOnly Start, DateOnly? End)? run = null;
            void Close()
            {
                if (run is { } r && (r.End ?? today).DayNumber - r.Start.DayNumber >= 28 && (r.End ?? today) >= today.AddYears(-3)
                    && r.Start >= dob.AddYears(10) && r.Start < dob.AddYears(18) && r.Start <= today)
                    candidates.Add((childId, r.Start, r.End));
                run = null;
            }
            foreach (var e in eps)
            {
                if (!DeprivationOfLibertyRules.AllowedPlacement(e.PlacementType)) { Close(); continue; }
                if (run is { End: { } end } r && end == e.Start) run = (r.Start, e.End);
                else { Close(); run = (e.Start, e.End); }
            }
            Close();
        }

        rng.Shuffle(candidates);
        var orders = new List<DeprivationOfLibertyOrder>();
        var chosen = new HashSet<int>();
        foreach (var c in candidates)
        {
            if (orders.Count >= target) break;
            if (chosen.Contains(c.ChildId)) continue;
            var last = c.End is { } runEnd ? runEnd.AddDays(-1) : today;
            var start = c.Start.AddDays(rng.Between(0, 28));
            if (start < today.AddYears(-3)) start = today.AddYears(-3).AddDays(rng.Between(0, 28));
            if (start > last || start > today) continue;
            var end = start.AddDays(rng.Between(60, 365));
            DateOnly? endDate = end > last ? (c.End is null ? null : last) : end;
            if (endDate > today) endDate = null;
            if (DeprivationOfLibertyRules.Validate(start, endDate, today, episodes[c.ChildId], []).Count > 0) continue;
            chosen.Add(c.ChildId);
            orders.Add(new DeprivationOfLibertyOrder
            {
                ChildId = c.ChildId, StartDate = start, EndDate = endDate, AuthorisedBy = rng.Pick(Courts),
                Notes = "Authorised under the High Court's inherent jurisdiction: no secure children's home place was available. Reviewed by the court at each hearing.",
                RecordedAt = start.ToDateTime(new TimeOnly(15, 0), DateTimeKind.Utc), Version = Guid.NewGuid(),
            });
        }
        await context.Writer.BulkAsync(orders);
    }
}
