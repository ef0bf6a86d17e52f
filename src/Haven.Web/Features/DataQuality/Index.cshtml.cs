using Haven.Core.Access;
using Haven.Core.Allocations;
using Haven.Core.Data;
using Haven.Core.Returns;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.DataQuality;

/// Every current failure of the statutory returns' rules, worked out from the record for the current
/// collection year (ReturnFailuresCache: once for everyone, again after any change to the record), by
/// rule, team and worker. Each failure links to where it is put right in the child's record; children
/// the viewer may not open are counted, not named.
public class IndexModel(ReturnFailuresCache failuresCache, HavenDbContext db, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Row(ReturnFailure Failure, string? ChildName, string Team, string Worker, int? TeamId, int? WorkerId);
    /// A rule, team or worker with its failures counted apart: errors, and queries (codes ending in Q).
    public sealed record Group(string Key, string Label, int Errors, int Queries)
    {
        public int Count => Errors + Queries;
    }

    public ReturnPeriod Period { get; private set; }
    public int Year { get; private set; }
    /// When the failures were worked out from the record, in the council's time.
    public DateTimeOffset WorkedOutAt { get; private set; }
    /// How soon a change made outside this server shows here (the cache's lifetime), in words; null when
    /// the page is worked out on every view.
    public string? OutsideChangesShow => failuresCache.Lifetime switch
    {
        { TotalSeconds: <= 0 } => null,
        { TotalSeconds: <= 60 } => "within a minute",
        var l => $"within {Math.Ceiling(l.TotalMinutes)} minutes",
    };
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Row> Errors { get; private set; } = [];
    public IReadOnlyList<Row> Queries { get; private set; } = [];
    /// The errors and the queries named on the page (filtered, children the viewer may open).
    public IReadOnlyList<Row> ShownErrors { get; private set; } = [];
    public IReadOnlyList<Row> ShownQueries { get; private set; } = [];
    public IReadOnlyList<Group> ByRule { get; private set; } = [];
    public IReadOnlyList<Group> ByTeam { get; private set; } = [];
    public IReadOnlyList<Group> ByWorker { get; private set; } = [];
    public int NotNamed { get; private set; }
    public string? Filter { get; private set; }
    public const int MaxShown = 500;

    public static string ReturnTitle(StatutoryReturn r) => r switch
    {
        StatutoryReturn.CinCensus => "CIN census",
        StatutoryReturn.Ssda903 => "SSDA903",
        StatutoryReturn.AnnexA => "Annex A",
        _ => r.ToString(),
    };

    public static string RuleKey(ReturnFailure f) => $"{f.Return}-{f.RuleCode}";

    public async Task OnGetAsync(string? rule, int? team, int? worker, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Year = ReturnPeriod.CollectionYearOf(today);
        Period = ReturnPeriod.CollectionYear(Year);
        var found = await failuresCache.GetAsync(Year, ct);
        var failures = found.Failures;
        WorkedOutAt = TimeZoneInfo.ConvertTime(found.WorkedOutAt, clock.LocalTimeZone);

        var me = CurrentWorker.From(User)!;
        var ids = failures.Where(f => f.ChildId is not null).Select(f => f.ChildId!.Value).Distinct().ToList();
        var names = new Dictionary<int, string>();
        var allocations = new Dictionary<int, (int TeamId, string Team, int WorkerId, string Worker)>();
        foreach (var chunk in ids.Chunk(1000))
        {
            foreach (var c in await access.Children(me).Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct))
                names[c.Id] = c.Name;
            foreach (var a in await db.Allocations.AsNoTracking()
                         .Where(a => chunk.Contains(a.ChildId) && a.Kind == AllocationKind.SocialWorker && a.EndDate == null)
                         .OrderBy(a => a.StartDate)
                         .Select(a => new { a.ChildId, a.TeamId, Team = a.Team.Name, a.WorkerId, Worker = a.Worker.DisplayName }).ToListAsync(ct))
                allocations[a.ChildId] = (a.TeamId, a.Team, a.WorkerId, a.Worker);
        }

        Rows = failures.Select(f =>
        {
            var named = f.ChildId is { } id && names.ContainsKey(id) ? names[id] : null;
            var alloc = f.ChildId is { } cid && allocations.TryGetValue(cid, out var x) ? x : default;
            return new Row(f, named, alloc.Team ?? "Not allocated", alloc.Worker ?? "Not allocated",
                alloc.Team is null ? null : alloc.TeamId, alloc.Worker is null ? null : alloc.WorkerId);
        }).ToList();

        Errors = Rows.Where(r => !r.Failure.IsQuery).ToList();
        Queries = Rows.Where(r => r.Failure.IsQuery).ToList();
        ByRule = Rows.GroupBy(r => RuleKey(r.Failure))
            .Select(g => Counted(g, g.Key, $"{ReturnTitle(g.First().Failure.Return)} {g.First().Failure.RuleCode}: {g.First().Failure.Message}"))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        ByTeam = Rows.GroupBy(r => r.TeamId).Select(g => Counted(g, g.Key?.ToString() ?? "", g.First().Team))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();
        ByWorker = Rows.GroupBy(r => r.WorkerId).Select(g => Counted(g, g.Key?.ToString() ?? "", g.First().Worker))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Label, StringComparer.Ordinal).ToList();

        IEnumerable<Row> shown = Rows;
        if (!string.IsNullOrEmpty(rule)) { shown = shown.Where(r => RuleKey(r.Failure) == rule); Filter = ByRule.FirstOrDefault(g => g.Key == rule)?.Label ?? rule; }
        if (team is not null) { shown = shown.Where(r => r.TeamId == team); Filter = ByTeam.FirstOrDefault(g => g.Key == team.ToString())?.Label ?? "that team"; }
        if (worker is not null) { shown = shown.Where(r => r.WorkerId == worker); Filter = ByWorker.FirstOrDefault(g => g.Key == worker.ToString())?.Label ?? "that worker"; }
        var filtered = shown.ToList();
        NotNamed = filtered.Count(r => r.ChildName is null && r.Failure.ChildId is not null);
        var named = filtered.Where(r => r.ChildName is not null || r.Failure.ChildId is null)
            .OrderBy(r => RuleKey(r.Failure), StringComparer.Ordinal).ThenBy(r => r.ChildName, StringComparer.Ordinal).ToList();
        ShownErrors = named.Where(r => !r.Failure.IsQuery).Take(MaxShown).ToList();
        ShownQueries = named.Where(r => r.Failure.IsQuery).Take(MaxShown).ToList();

        await log.WriteAsync(new AccessEvent(me.UserName, me.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString,
            $"{Errors.Count} errors and {Queries.Count} queries counted, {ShownErrors.Count + ShownQueries.Count} named"), ct);
    }

    private static Group Counted(IEnumerable<Row> rows, string key, string label)
    {
        var list = rows.ToList();
        return new Group(key, label, list.Count(r => !r.Failure.IsQuery), list.Count(r => r.Failure.IsQuery));
    }
}
