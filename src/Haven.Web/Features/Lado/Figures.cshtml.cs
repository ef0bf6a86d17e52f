using Haven.Core.Lado;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Lado;

/// The LADO annual report's figures: referrals received in the year by employer sector and outcome.
public class FiguresModel(LadoOversight oversight, TimeProvider clock) : PageModel
{
    public LadoYearFigures Figures { get; private set; } = null!;
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(int? year, CancellationToken ct)
    {
        ThisYear = LadoOversight.ReportingYearOf(DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var y = year is >= 2000 and <= 2100 ? year.Value : ThisYear;
        Figures = await oversight.FiguresAsync(y, ct);
    }

    public static string Percent(int part, int whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0}%";
}
