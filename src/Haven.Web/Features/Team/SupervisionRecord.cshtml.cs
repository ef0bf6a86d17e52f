using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// One supervision record: for the team's managers. Children the reader may not open are named
/// only as a restricted record.
public class SupervisionRecordModel(HavenDbContext db, ChildAccess access) : PageModel
{
    public sealed record Case(int ChildId, string Child, string Discussion, IReadOnlyList<OversightAction> Actions);

    public SupervisionSession Session { get; private set; } = null!;
    public string Worker { get; private set; } = "";
    public string Supervisor { get; private set; } = "";
    public IReadOnlyList<Case> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int sessionId, CancellationToken ct)
    {
        var me = CurrentWorker.From(User)!;
        // Split: in one statement SQLite reads every oversight entry with its actions (a LEFT JOIN to a join).
        var session = await db.SupervisionSessions.AsNoTracking().Include(s => s.Cases).ThenInclude(c => c.Actions).AsSplitQuery().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session is null) return NotFound();
        var names = await db.Workers.AsNoTracking().Where(w => w.Id == session.WorkerId || w.Id == session.SupervisorWorkerId)
            .ToDictionaryAsync(w => w.Id, w => new { w.DisplayName, w.TeamId }, ct);
        if (names.GetValueOrDefault(session.WorkerId)?.TeamId != me.TeamId) return NotFound();
        Session = session;
        Worker = names[session.WorkerId].DisplayName;
        Supervisor = names.GetValueOrDefault(session.SupervisorWorkerId)?.DisplayName ?? "";
        var ids = session.Cases.Select(c => c.ChildId).ToList();
        var children = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FirstName + " " + p.LastName, ct);
        var cases = new List<Case>();
        foreach (var c in session.Cases)
            cases.Add(await access.CanAsync(me, c.ChildId, AccessLevel.Read, ct)
                ? new Case(c.ChildId, children.GetValueOrDefault(c.ChildId, ""), c.Direction, c.Actions)
                : new Case(0, "Restricted record", "", []));
        Cases = cases;
        return Page();
    }
}
