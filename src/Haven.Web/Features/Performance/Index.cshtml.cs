using System.Text;
using Haven.Core.Access;
using Haven.Core.Performance;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Performance;

/// The performance dashboard: every measure of PerformanceMeasures, live from the record, for any
/// period and "as at" date, beside England and statistical neighbours; and the hub of the other
/// reports pages. Counts only: nobody is named here (see Measure for the drill-down).
public class IndexModel(PerformanceFigures figures, PerformanceCache cache, AccessLog log) : PageModel
{
    public sealed record ReportLink(string Text, string Href, string Description);

    public PerformancePeriod Period { get; private set; } = null!;
    public IReadOnlyList<MeasureResult> Results { get; private set; } = [];
    public int? Population { get; private set; }
    public IReadOnlyList<ReportLink> Reports { get; private set; } = [];

    /// The period's dates, as GOV.UK date inputs (From.Day, From.Month, From.Year) or, from links
    /// and analysts' bookmarks, as ?from=yyyy-MM-dd (GovukDateModelBinder reads both).
    [BindProperty(SupportsGet = true)]
    [GovukDate(ErrorMessagePrefix = PerformancePeriod.FromLabel)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    [GovukDate(ErrorMessagePrefix = PerformancePeriod.ToLabel)]
    public DateOnly? To { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var worker = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, "Performance dashboard: counts, none named"), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var worker = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, "Performance figures downloaded as CSV: counts, none named"), ct);
        return File(Encoding.UTF8.GetBytes(PerformanceView.Csv(Results, Period)), "text/csv",
            $"performance-{Period.From:yyyy-MM-dd}-to-{Period.To:yyyy-MM-dd}.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Period = ReadPeriod();
        // Show the dates used (unless the inputs came back with what was typed, kept in ModelState).
        From = Period.From;
        To = Period.To;
        Results = await cache.ComputeAsync(Period.From, Period.To, ct: ct);
        Population = figures.ChildPopulation;
        Reports = ReportsFor(CurrentWorker.From(User)!.Role);
    }

    /// The dates bound from the query, with GOV.UK messages for impossible dates. A date sent as
    /// one text value that is not yyyy-MM-dd gets the same message as a date input would.
    private PerformancePeriod ReadPeriod()
    {
        var errors = new Dictionary<string, string>();
        foreach (var (key, field, label) in new[] { (nameof(From), "from", PerformancePeriod.FromLabel), (nameof(To), "to", PerformancePeriod.ToLabel) })
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                var fromParts = Request.Query.Keys.Any(k => k.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase));
                errors[field] = fromParts ? entry.Errors[0].ErrorMessage : $"{label} must be a real date, for example 31 3 2026";
                ModelState.Remove(key);
            }
        var period = PerformancePeriod.Resolve(From, To, errors, figures.DefaultPeriod());
        foreach (var (field, message) in period.Errors)
            ModelState.AddModelError(field == "from" ? nameof(From) : nameof(To), message);
        return period;
    }

    /// The other reports pages the role may open: the same list as /reports (Navigation), so
    /// there is one definition of who is offered what.
    public static IReadOnlyList<ReportLink> ReportsFor(Haven.Core.Workforce.HavenRole role) =>
        Navigation.Reports(role).Where(d => d.Href != "/performance").Select(d => new ReportLink(d.Text, d.Href, d.Description)).ToList();
}
