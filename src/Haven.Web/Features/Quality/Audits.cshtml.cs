using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Quality;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// Recent audits of the children the viewer may read (others are counted on the overview, never named),
/// and where to start an audit: the child's Haven ID.
public class AuditsModel(HavenDbContext db, ChildAccess access) : PageModel
{
    public sealed record Row(int Id, int ChildId, string Child, DateOnly On, AuditGrade Grade, string? Team, string Auditor, bool Moderated, int OpenActions);

    [BindProperty(SupportsGet = true)] public string? HavenId { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool MayAudit { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        MayAudit = Policies.AuditsCases(worker.Role);
        if (HavenId is { Length: > 0 } h)
        {
            // An unknown child and one the auditor may not read get the same message.
            if (!Haven.Core.People.HavenIds.TryParse(h.Trim(), out var id) || !await access.CanAsync(worker, id, AccessLevel.Read, ct))
                ModelState.AddModelError(nameof(HavenId), "Enter the Haven ID of a child whose record you can see, like H1234");
            else return Redirect($"/quality/audits/new?child={id}");
        }
        Rows = await (from a in db.CaseAudits.AsNoTracking().Where(access.About<CaseAudit>(worker, a => a.ChildId))
                      join p in db.People on a.ChildId equals p.Id
                      join au in db.Workers on a.AuditorWorkerId equals au.Id
                      join t in db.Teams on a.TeamId equals (int?)t.Id into tj
                      from t in tj.DefaultIfEmpty()
                      where a.DeletedAt == null && a.SupersededByAuditId == null
                      orderby a.AuditedOn descending, a.Id descending
                      select new Row(a.Id, a.ChildId, p.FirstName + " " + p.LastName, a.AuditedOn, a.OverallGrade, t == null ? null : t.Name, au.DisplayName,
                          a.Moderations.Any(), a.Actions.Count(x => x.CompletedOn == null))).Take(100).ToListAsync(ct);
        return Page();
    }
}
