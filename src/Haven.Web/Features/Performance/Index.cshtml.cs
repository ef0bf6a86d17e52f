using System.Text;
using Haven.Core.Access;
using Haven.Core.Performance;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Performance;

/// The performance dashboard: every measure of PerformanceMeasures, live from the record, for any
/// period and "as at" date, beside England and statistical neighbours; and the hub of the other
/// reports pages. Counts only: nobody is named here (see Measure for the drill-down).
public class IndexModel(PerformanceFigures figures, AccessLog log) : PageModel
{
    public sealed record ReportLink(string Text, string Href, string Description);

    public PerformancePeriod Period { get; private set; } = null!;
    public IReadOnlyList<MeasureResult> Results { get; private set; } = [];
    public int? Population { get; private set; }
    public IReadOnlyList<ReportLink> Reports { get; private set; } = [];

    public async Task OnGetAsync(string? from, string? to, CancellationToken ct)
    {
        await LoadAsync(from, to, ct);
        var worker = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, "Performance dashboard: counts, none named"), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(string? from, string? to, CancellationToken ct)
    {
        await LoadAsync(from, to, ct);
        var worker = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, "Performance figures downloaded as CSV: counts, none named"), ct);
        return File(Encoding.UTF8.GetBytes(PerformanceView.Csv(Results, Period)), "text/csv",
            $"performance-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(string? from, string? to, CancellationToken ct)
    {
        Period = PerformancePeriod.Parse(from, to, figures.DefaultPeriod());
        Results = await figures.ComputeAsync(Period.From, Period.To, ct: ct);
        Population = figures.ChildPopulation;
        Reports = ReportsFor(CurrentWorker.From(User)!.Role);
    }

    /// The other reports pages the role may open: the same list as /reports (Navigation), so
    /// there is one definition of who is offered what.
    public static IReadOnlyList<ReportLink> ReportsFor(Haven.Core.Workforce.HavenRole role) =>
        Navigation.Reports(role).Where(d => d.Href != "/performance").Select(d => new ReportLink(d.Text, d.Href, d.Description)).ToList();
}
