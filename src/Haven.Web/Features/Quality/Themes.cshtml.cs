using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Quality;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Quality;

/// Grades by theme across audits, for the service and each team, with the learning auditors wrote.
public class ThemesModel(QualityFigures figures, HavenDbContext db, ChildAccess access, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "End date")] public DateOnly? To { get; set; }
    public DateOnly Start { get; private set; }
    public DateOnly End { get; private set; }
    public IReadOnlyList<TeamQuality> Teams { get; private set; } = [];
    public IReadOnlyList<(string Service, GradeSpread Overall, IReadOnlyList<ThemeFigures> Themes)> Services { get; private set; } = [];
    public IReadOnlyList<(DateOnly On, string? Team, string Learning)> Learning { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        End = ModelState.IsValid && To is { } t ? t : AuditedChild.Today(clock);
        Start = ModelState.IsValid && From is { } f && f <= End ? f : End.AddYears(-1).AddDays(1);
        Teams = await figures.ByTeamAsync(Start, End, ct);
        Services = QualityFigures.ByService(Teams);
        // Learning is written for the service, but it comes from a child's case: only cases the viewer may read.
        var rows = await (from a in db.CaseAudits.AsNoTracking().Where(access.About<CaseAudit>(CurrentWorker.From(User)!, a => a.ChildId))
                          join tm in db.Teams on a.TeamId equals (int?)tm.Id into tj
                          from tm in tj.DefaultIfEmpty()
                          where a.DeletedAt == null && a.SupersededByAuditId == null && a.Learning != null && a.AuditedOn >= Start && a.AuditedOn <= End
                          orderby a.AuditedOn descending, a.Id descending
                          select new { a.AuditedOn, Team = tm == null ? null : tm.Name, a.Learning }).Take(20).ToListAsync(ct);
        Learning = rows.Select(r => (On: r.AuditedOn, Team: (string?)r.Team, Learning: r.Learning!)).ToList();
    }
}
