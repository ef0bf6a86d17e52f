using Haven.Core.Access;
using Haven.Core.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Performance;

/// One measure: its definition, trend, comparison and the drill-down service → team → worker →
/// the children behind the number. Every row counts every item; at the last level the children
/// the viewer may open are named and the rest are counted, not named (as /stability does).
public class MeasureModel(PerformanceFigures figures, PerformanceCache cache, ChildAccess access, AccessLog log) : PageModel
{
    public sealed record ChildRow(int ChildId, string Name, DateOnly Date, bool Met);
    public sealed record Crumb(string Text, string? Href);

    public PerformancePeriod Period { get; private set; } = null!;
    public MeasureResult Result { get; private set; } = null!;
    public int? Population { get; private set; }
    public BreakdownLevel Level { get; private set; }
    public MeasureValue Selected { get; private set; } = null!;
    public IReadOnlyList<BreakdownRow> Rows { get; private set; } = [];
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public int NotShown { get; private set; }
    public IReadOnlyList<Crumb> Trail { get; private set; } = [];
    public string Filter { get; private set; } = "";
    public int? Service { get; private set; }
    public int? Team { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? from, string? to, int? service, int? team, int? worker, CancellationToken ct)
    {
        if (PerformanceMeasures.Find(id) is not { } measure) return NotFound();
        Period = PerformancePeriod.Parse(from, to, figures.DefaultPeriod());
        Result = (await cache.ComputeAsync(Period.From, Period.To, [measure], ct))[0];
        Population = figures.ChildPopulation;
        var org = await figures.OrganisationAsync(ct);
        // A team or worker implies its service: fill in the levels above so the trail is whole.
        if (worker is { } w && w != Breakdown.NotAllocated && team is null) team = Result.Items.FirstOrDefault(i => i.WorkerId == w)?.TeamId;
        if (team is { } t && service is null) service = t == Breakdown.NotAllocated ? Breakdown.NotAllocated : org.Teams.TryGetValue(t, out var tu) ? tu.ParentId : null;
        Service = service;
        Team = team;
        Level = Breakdown.LevelFor(service, team, worker);
        var items = Breakdown.Filter(Result.Items, org, service, team, worker);
        Selected = MeasureValue.Of(measure, items, null);
        Trail = TrailFor(measure, org, service, team, worker);
        var me = CurrentWorker.From(User)!;
        if (Level == BreakdownLevel.Children)
        {
            var ids = items.Select(i => i.ChildId).Distinct().ToList();
            var visible = new Dictionary<int, string>();
            foreach (var chunk in ids.Chunk(1000))
                foreach (var c in await access.Children(me).Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct))
                    visible[c.Id] = c.Name;
            Children = items.Where(i => visible.ContainsKey(i.ChildId)).Select(i => new ChildRow(i.ChildId, visible[i.ChildId], i.Date, i.Met))
                .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Date).ToList();
            NotShown = items.Count - Children.Count;
            await log.WriteAsync(new AccessEvent(me.UserName, me.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, $"{Children.Count} children listed"), ct);
        }
        else
        {
            Rows = Breakdown.Rows(measure, items, org, Level);
            await log.WriteAsync(new AccessEvent(me.UserName, me.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, "Performance drill-down: counts, none named"), ct);
        }
        return Page();
    }

    public string RowHref(BreakdownRow row) => Level switch
    {
        BreakdownLevel.Service => $"?{Period.Query}&service={row.Key}",
        BreakdownLevel.Team => $"?{Period.Query}&service={Service}&team={row.Key}",
        _ => $"?{Period.Query}&service={Service}&team={Team}&worker={row.Key}",
    };

    private List<Crumb> TrailFor(MeasureDefinition m, Organisation org, int? service, int? team, int? worker)
    {
        var q = Period.Query;
        string Name(IReadOnlyDictionary<int, OrgUnit> units, int key) => key == Breakdown.NotAllocated ? Breakdown.NotAllocatedLabel : units.TryGetValue(key, out var u) ? u.Name : $"#{key}";
        var trail = new List<Crumb> { new("All services", service is null ? null : $"?{q}") };
        if (service is { } s) trail.Add(new(Name(org.Services, s), team is null && worker is null ? null : $"?{q}&service={s}"));
        if (team is { } t && service != Breakdown.NotAllocated) trail.Add(new(Name(org.Teams, t), worker is null ? null : $"?{q}&service={service}&team={t}"));
        if (worker is { } w && service != Breakdown.NotAllocated) trail.Add(new(Name(org.Workers, w), null));
        return trail;
    }
}
