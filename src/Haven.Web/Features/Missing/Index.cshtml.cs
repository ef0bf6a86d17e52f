using Haven.Core.Missing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Missing;

/// Return home interview take-up as a live figure: by team, by in care or at home, by month.
/// Every number links to the children behind it.
public class IndexModel(ReturnHomeInterviewTakeUp takeUp, TimeProvider clock) : PageModel
{
    public TakeUpPeriod Period { get; private set; } = null!;
    public TakeUpRow Total { get; private set; } = null!;
    public IReadOnlyDictionary<TakeUpGrouping, IReadOnlyList<TakeUpRow>> Tables { get; private set; } = null!;
    public static readonly TakeUpMeasure[] Measures = Enum.GetValues<TakeUpMeasure>();

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        Period = TakeUpPeriod.Parse(from, to, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var episodes = await takeUp.EpisodesAsync(Period.Start, Period.End, ct);
        Total = ReturnHomeInterviewTakeUp.Total(episodes);
        Tables = Enum.GetValues<TakeUpGrouping>().ToDictionary(g => g, g => ReturnHomeInterviewTakeUp.Group(episodes, g));
    }

    public string Link(TakeUpGrouping by, string key, TakeUpMeasure measure) =>
        $"/missing/children?by={by}&key={Uri.EscapeDataString(key)}&measure={measure}&from={Period.From}&to={Period.To}";

    public static string Caption(TakeUpGrouping g) => g switch
    {
        TakeUpGrouping.Team => "By team (the team holding the case on the day of return)",
        TakeUpGrouping.Setting => "In care or at home",
        _ => "By month of return",
    };
}
