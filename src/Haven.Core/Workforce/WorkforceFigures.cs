using Haven.Core.Allocations;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Workforce;

public sealed record TeamStability(int TeamId, string Team, string Service, IReadOnlyList<StabilityFigures> Points);

public sealed record WorkerCaseload(int WorkerId, string Name, int TeamId, string Team, ContractType? Contract, bool? Qualified, int Children, double Weighted);

public sealed record ChildWorkers(int ChildId, int SocialWorkers);

/// Workforce figures from employment spells, establishments and allocations, computed live.
public sealed class WorkforceFigures(HavenDbContext db, WorkforceSettings settings)
{
    public async Task<IReadOnlyList<TeamStability>> StabilityAsync(IReadOnlyList<DateOnly> points, CancellationToken ct = default)
    {
        var spells = await db.Employments.AsNoTracking()
            .Select(e => new { e.TeamId, Spell = new Spell(e.WorkerId, e.ContractType, e.IsQualified, e.Fte, e.StartDate, e.LeaveDate) }).ToListAsync(ct);
        // Latest recorded first: of two rows from the same date, the later correction counts (PostsOn keeps this order for ties).
        var posts = await db.TeamEstablishments.AsNoTracking().OrderByDescending(e => e.Id).Select(e => new { e.TeamId, e.EffectiveFrom, e.Posts }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, Service = t.Service.Name }).ToListAsync(ct);
        var withData = spells.Select(s => s.TeamId).Concat(posts.Select(p => p.TeamId)).ToHashSet();
        return teams.Where(t => withData.Contains(t.Id)).Select(t => new TeamStability(t.Id, t.Name, t.Service,
                points.Select(d => WorkforceRules.Stability(spells.Where(s => s.TeamId == t.Id).Select(s => s.Spell), d,
                    WorkforceRules.PostsOn(posts.Where(p => p.TeamId == t.Id).Select(p => (p.EffectiveFrom, p.Posts)), d))).ToList()))
            .OrderBy(t => t.Service, StringComparer.Ordinal).ThenBy(t => t.Team, StringComparer.Ordinal).ToList();
    }

    /// The whole service's figures on each date (all teams' spells and posts together).
    public static IReadOnlyList<StabilityFigures> Total(IReadOnlyList<TeamStability> teams, IReadOnlyList<DateOnly> points) =>
        points.Select((d, i) =>
        {
            var ps = teams.Select(t => t.Points[i]).ToList();
            var anyPosts = ps.Any(p => p.Posts is not null);
            return new StabilityFigures(d, ps.Sum(p => p.Headcount), ps.Sum(p => p.PermanentFte), ps.Sum(p => p.AgencyFte), ps.Sum(p => p.LeaversFte),
                anyPosts ? ps.Sum(p => p.Posts ?? 0) : null);
        }).ToList();

    /// Each social worker's caseload on a date: children allocated to them (social worker
    /// allocations), and the weighted caseload from the children's open involvements.
    public async Task<IReadOnlyList<WorkerCaseload>> CaseloadsAsync(DateOnly asAt, int? teamId, CancellationToken ct = default)
    {
        var allocations = await db.Allocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.SocialWorker && a.StartDate <= asAt && (a.EndDate == null || a.EndDate >= asAt) && (teamId == null || a.TeamId == teamId))
            .Select(a => new { a.WorkerId, a.ChildId, a.TeamId }).ToListAsync(ct);
        var childIds = allocations.Select(a => a.ChildId).Distinct().ToList();
        var kinds = new Dictionary<int, List<Haven.Core.Involvements.InvolvementKind>>();
        foreach (var chunk in childIds.Chunk(1000))
            foreach (var i in await db.Involvements.AsNoTracking()
                         .Where(i => chunk.Contains(i.ChildId) && i.StartDate <= asAt && (i.EndDate == null || i.EndDate >= asAt))
                         .Select(i => new { i.ChildId, i.Kind }).ToListAsync(ct))
                (kinds.TryGetValue(i.ChildId, out var l) ? l : kinds[i.ChildId] = []).Add(i.Kind);
        var workerIds = allocations.Select(a => a.WorkerId).Distinct().ToList();
        var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).Select(w => new { w.Id, w.DisplayName }).ToDictionaryAsync(w => w.Id, ct);
        var spells = await db.Employments.AsNoTracking().Where(e => workerIds.Contains(e.WorkerId) && e.StartDate <= asAt && (e.LeaveDate == null || e.LeaveDate >= asAt))
            .Select(e => new { e.WorkerId, e.ContractType, e.IsQualified, e.StartDate }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        return allocations.GroupBy(a => a.WorkerId).Select(g =>
        {
            var spell = spells.Where(s => s.WorkerId == g.Key).OrderByDescending(s => s.StartDate).FirstOrDefault();
            var team = g.GroupBy(a => a.TeamId).OrderByDescending(t => t.Count()).First().Key;
            var children = g.Select(a => a.ChildId).Distinct().Select(c => new CaseloadChild(c, kinds.TryGetValue(c, out var k) ? k : [])).ToList();
            return new WorkerCaseload(g.Key, workers.TryGetValue(g.Key, out var w) ? w.DisplayName : $"Worker {g.Key}", team, teams.GetValueOrDefault(team, ""),
                spell?.ContractType, spell?.IsQualified, children.Count, WorkforceRules.WeightedCaseload(children, settings));
        }).OrderBy(w => w.Team, StringComparer.Ordinal).ThenBy(w => w.Name, StringComparer.Ordinal).ToList();
    }

    /// The number of social workers each child has had in the 12 months to asAt, for the children given.
    public async Task<Dictionary<int, int>> SocialWorkersInYearAsync(IReadOnlyCollection<int> childIds, DateOnly asAt, CancellationToken ct = default)
    {
        var from = WorkforceRules.YearStart(asAt);
        var rows = new List<(int ChildId, int WorkerId, DateOnly Start, DateOnly? End)>();
        foreach (var chunk in childIds.Chunk(1000))
            rows.AddRange((await db.Allocations.AsNoTracking()
                .Where(a => chunk.Contains(a.ChildId) && a.Kind == AllocationKind.SocialWorker && a.StartDate <= asAt && (a.EndDate == null || a.EndDate >= from))
                .Select(a => new { a.ChildId, a.WorkerId, a.StartDate, a.EndDate }).ToListAsync(ct)).Select(a => (a.ChildId, a.WorkerId, a.StartDate, a.EndDate)));
        return rows.GroupBy(r => r.ChildId).ToDictionary(g => g.Key, g => WorkforceRules.SocialWorkersInYear(g.Select(r => (r.WorkerId, r.Start, r.End)), asAt));
    }

    /// Children allocated to 3 or more social workers in the 12 months to asAt, most first: every child,
    /// for the count; a page names only those the viewer may read (ChildAccess.VisibleAmongAsync).
    public async Task<IReadOnlyList<ChildWorkers>> ManyWorkersAsync(DateOnly asAt, int atLeast, CancellationToken ct = default)
    {
        var from = WorkforceRules.YearStart(asAt);
        var rows = await db.Allocations.AsNoTracking()
            .Where(a => a.Kind == AllocationKind.SocialWorker && a.StartDate <= asAt && (a.EndDate == null || a.EndDate >= from) && db.People.Any(p => p.Id == a.ChildId))
            .GroupBy(a => a.ChildId).Select(g => new { ChildId = g.Key, Workers = g.Select(a => a.WorkerId).Distinct().Count() })
            .Where(x => x.Workers >= atLeast).ToListAsync(ct);
        return rows.Select(r => new ChildWorkers(r.ChildId, r.Workers)).OrderByDescending(r => r.SocialWorkers).ThenBy(r => r.ChildId).ToList();
    }
}
