using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Stability;

/// Placement stability as live figures, worked out from the episodes as they stand now: moves in
/// the last 12 months, 3 or more placements in the year, long-term stability, and children placed
/// at a distance or outside the council's area. Every figure links to the children behind it.
public class IndexModel(StabilityFigures figures, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Figure(StabilityMeasure Measure, int Count, int Of, string? England);

    public IReadOnlyList<Figure> Figures { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int InCare { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var children = await figures.LoadAsync(Today, ct);
        InCare = children.Count;
        var cohort = children.Count(c => c.Matches(StabilityMeasure.LongTermCohort));
        Figure F(StabilityMeasure m, int of, string? england = null) => new(m, children.Count(c => c.Matches(m)), of, england);
        // England figures: national-statistics.md §3 (children looked after at 31 March 2025).
        Figures =
        [
            F(StabilityMeasure.MovedInLastYear, InCare),
            F(StabilityMeasure.ThreeOrMorePlacements, InCare, "10%"),
            F(StabilityMeasure.LongTermCohort, InCare),
            F(StabilityMeasure.LongTermStable, cohort, "69%"),
            F(StabilityMeasure.AtADistance, InCare, "22%"),
            F(StabilityMeasure.OutsideArea, InCare),
        ];
        var worker = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, "GET /stability", $"{InCare} children counted, none named"), ct);
    }

    public static string Share(int count, int of) => of == 0 ? "–" : (count / (double)of).ToString("P0", System.Globalization.CultureInfo.InvariantCulture);
}
