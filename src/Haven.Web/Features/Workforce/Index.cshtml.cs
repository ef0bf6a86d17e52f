using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Workforce;

/// Workforce stability by team over time: qualified social workers in post, permanent share,
/// turnover and vacancy at each quarter end for two years, with England's 2025 figures.
public class IndexModel(WorkforceFigures figures, TimeProvider clock) : PageModel
{
    public IReadOnlyList<DateOnly> Points { get; private set; } = [];
    public IReadOnlyList<TeamStability> Teams { get; private set; } = [];
    public IReadOnlyList<StabilityFigures> Total { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Points = WorkforceRules.QuarterEnds(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), 8);
        Teams = await figures.StabilityAsync(Points, ct);
        Total = WorkforceFigures.Total(Teams, Points);
    }

    public static string Pc(double? v) => v is { } x ? x.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + "%" : "–";
    public static string Fte(decimal v) => v.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}
