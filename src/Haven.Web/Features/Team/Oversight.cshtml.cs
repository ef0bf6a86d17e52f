using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Oversight;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// The manager's view of every open case in the team with its last management oversight, cases
/// with none in the configured interval first.
public class OversightModel(HavenDbContext db, OversightSettings settings, TimeProvider clock) : PageModel
{
    public sealed record Row(int ChildId, string Child, string Worker, DateOnly? Last, bool Flagged);

    public string TeamName { get; private set; } = "";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int IntervalDays => settings.IntervalDays;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var today = Today;
        var me = CurrentWorker.From(User)!;
        TeamName = await db.Teams.Where(t => t.Id == me.TeamId).Select(t => t.Name).FirstOrDefaultAsync(ct) ?? "Your team";
        var cases = await db.Allocations.AsNoTracking()
            .Where(a => a.TeamId == me.TeamId && a.StartDate <= today && (a.EndDate == null || a.EndDate >= today))
            .Select(a => new { a.ChildId, Child = a.Child.FirstName + " " + a.Child.LastName, a.Child.IsRestricted, Worker = a.Worker.DisplayName })
            .ToListAsync(ct);
        var ids = cases.Select(c => c.ChildId).Distinct().ToList();
        var last = await db.OversightEntries.AsNoTracking().Where(e => ids.Contains(e.ChildId))
            .GroupBy(e => e.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(e => e.Date) })
            .ToDictionaryAsync(x => x.ChildId, x => x.Last, ct);
        Rows = cases.GroupBy(c => c.ChildId).Select(g =>
            {
                var c = g.First();
                DateOnly? l = last.TryGetValue(c.ChildId, out var d) ? d : null;
                return new Row(c.ChildId, c.IsRestricted ? "Restricted record" : c.Child, string.Join(", ", g.Select(x => x.Worker).Distinct()), l, settings.IsOverdue(l, today));
            })
            .OrderByDescending(r => r.Flagged).ThenBy(r => r.Last ?? DateOnly.MinValue).ThenBy(r => r.Child).ToList();
    }
}
