using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Workforce;

/// Every team with its staff in post and funded posts today; each links to where its spells of
/// employment and posts are kept.
public class TeamsModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record Row(int TeamId, string Team, string Service, int Headcount, decimal Fte, decimal? Posts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var inPost = await db.Employments.AsNoTracking().Where(e => e.StartDate <= today && (e.LeaveDate == null || e.LeaveDate >= today))
            .GroupBy(e => e.TeamId).Select(g => new { TeamId = g.Key, Headcount = g.Count(), Fte = g.Sum(e => e.Fte) }).ToDictionaryAsync(g => g.TeamId, ct);
        var posts = await db.TeamEstablishments.AsNoTracking().Where(e => e.EffectiveFrom <= today).OrderByDescending(e => e.Id)
            .Select(e => new { e.TeamId, e.EffectiveFrom, e.Posts }).ToListAsync(ct);
        var teams = await db.Teams.AsNoTracking().Select(t => new { t.Id, t.Name, Service = t.Service.Name }).ToListAsync(ct);
        Rows = teams.Select(t => new Row(t.Id, t.Name, t.Service, inPost.GetValueOrDefault(t.Id)?.Headcount ?? 0, inPost.GetValueOrDefault(t.Id)?.Fte ?? 0,
                WorkforceRules.PostsOn(posts.Where(p => p.TeamId == t.Id).Select(p => (p.EffectiveFrom, p.Posts)), today)))
            .OrderBy(r => r.Service, StringComparer.Ordinal).ThenBy(r => r.Team, StringComparer.Ordinal).ToList();
    }
}
