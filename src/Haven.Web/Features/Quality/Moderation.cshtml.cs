using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Quality;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// Moderation: the agreement rate over the last 12 months, and a sample of audits awaiting a second
/// auditor (the viewer's own audits excepted; children they may read only).
public class ModerationModel(HavenDbContext db, ChildAccess access, TimeProvider clock) : PageModel
{
    /// The share of audits a council aims to moderate (a typical quality assurance framework samples about 1 in 10).
    public const double SampleTarget = 0.10;
    public sealed record Row(int Id, string Child, DateOnly On, AuditGrade Grade, string Auditor);

    public AgreementFigures Agreement { get; private set; } = QualityRules.Agreement([]);
    public int Audits { get; private set; }
    public IReadOnlyList<Row> Awaiting { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = AuditedChild.Today(clock);
        var from = today.AddYears(-1).AddDays(1);
        var current = db.CaseAudits.AsNoTracking().Where(a => a.DeletedAt == null && a.SupersededByAuditId == null && a.AuditedOn >= from && a.AuditedOn <= today);
        Audits = await current.CountAsync(ct);
        var pairs = await current.Where(a => a.Moderations.Any())
            .Select(a => new { a.OverallGrade, Moderator = a.Moderations.OrderByDescending(m => m.Id).Select(m => m.ModeratorGrade).First() }).ToListAsync(ct);
        Agreement = QualityRules.Agreement(pairs.Select(p => (p.OverallGrade, p.Moderator)));
        var worker = CurrentWorker.From(User)!;
        Awaiting = await (from a in current.Where(access.About<CaseAudit>(worker, a => a.ChildId))
                          join p in db.People on a.ChildId equals p.Id
                          join au in db.Workers on a.AuditorWorkerId equals au.Id
                          where !a.Moderations.Any() && a.AuditorWorkerId != worker.WorkerId
                          orderby a.AuditedOn descending, a.Id descending
                          select new Row(a.Id, p.FirstName + " " + p.LastName, a.AuditedOn, a.OverallGrade, au.DisplayName)).Take(25).ToListAsync(ct);
    }
}
