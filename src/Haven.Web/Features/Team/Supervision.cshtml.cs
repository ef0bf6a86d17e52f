using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// The team's supervision records, newest first, and who in the team to supervise next.
public class SupervisionModel(HavenDbContext db) : PageModel
{
    public sealed record Row(int Id, DateOnly Date, string Worker, string Supervisor, int Cases);
    public sealed record WorkerRow(int Id, string Name, DateOnly? Last);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<WorkerRow> Workers { get; private set; } = [];
    public bool CanRecord => User.IsInRole(nameof(HavenRole.TeamManager));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = CurrentWorker.From(User)!;
        var team = await db.Workers.AsNoTracking().Where(w => w.TeamId == me.TeamId && w.IsActive).Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct);
        var ids = team.Select(w => w.Id).ToList();
        var sessions = await db.SupervisionSessions.AsNoTracking().Where(s => ids.Contains(s.WorkerId))
            .OrderByDescending(s => s.Date).ThenByDescending(s => s.Id).Take(200)
            .Select(s => new { s.Id, s.Date, s.WorkerId, s.SupervisorWorkerId, Cases = s.Cases.Count }).ToListAsync(ct);
        var supervisorIds = sessions.Select(s => s.SupervisorWorkerId).Distinct().ToList();
        var names = await db.Workers.AsNoTracking().Where(w => ids.Contains(w.Id) || supervisorIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.DisplayName, ct);
        Rows = sessions.Select(s => new Row(s.Id, s.Date, names.GetValueOrDefault(s.WorkerId, ""), names.GetValueOrDefault(s.SupervisorWorkerId, ""), s.Cases)).ToList();
        Workers = team.Where(w => w.Id != me.WorkerId)
            .Select(w => new WorkerRow(w.Id, w.DisplayName, sessions.Where(s => s.WorkerId == w.Id).Select(s => (DateOnly?)s.Date).FirstOrDefault()))
            .OrderBy(w => w.Last ?? DateOnly.MinValue).ToList();
    }
}
