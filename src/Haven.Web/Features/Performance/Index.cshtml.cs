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

    /// The other reports pages, each shown only to the roles its folder lets in.
    public static IReadOnlyList<ReportLink> ReportsFor(Haven.Core.Workforce.HavenRole role)
    {
        var access = AccessMatrix.For(role);
        var links = new List<ReportLink>();
        if (Policies.SeesStability(role)) links.Add(new("Placement stability", "/stability", "Moves, 3 or more placements, long-term stability and distance, with the children behind each figure."));
        if (Policies.SeesTakeUp(role)) links.Add(new("Missing and return home interviews", "/missing", "Return home interview take-up by team, setting and month."));
        if (Policies.SeesInclusion(role)) links.Add(new("Inclusion", "/inclusion", "Elective home education, children missing education and exclusions."));
        if (Policies.SeesCareLeavers(role)) links.Add(new("Care leavers", "/care-leavers", "In touch, suitable accommodation and education, employment or training."));
        if (Policies.SeesFostering(role)) links.Add(new("Fostering and adoption", "/fostering", "Recruitment conversion, carers, permanence and adoption timeliness."));
        if (Policies.SeesHomelessnessFigures(role)) links.Add(new("Homeless 16 and 17 year olds", "/homelessness", "Options step completed and bed and breakfast use."));
        if (access.Read != AccessScope.None) links.Add(new("MEGA panel", "/mega", "Children at risk of exploitation and the panel's actions."));
        if (access.SeesTeamCaseloads) links.Add(new("Team oversight", "/team/oversight", "Management oversight and supervision across the team."));
        if (AccessMatrix.MayUse(role, RecordKind.LadoCase)) links.Add(new("LADO figures", "/lado/figures", "Allegations against people who work with children, and their timeliness."));
        return links;
    }
}
