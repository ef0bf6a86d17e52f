using Haven.Core.Data;
using Haven.Core.Lado;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Lado;

/// The LADO's work: decisions and actions due (overdue first), and the open cases.
public class IndexModel(HavenDbContext db, LadoOversight oversight, TimeProvider clock) : PageModel
{
    public sealed record OpenCase(int Id, string Person, string Employer, string Sector, DateOnly ReceivedOn, string Stage);

    public IReadOnlyList<LadoDueItem> Due { get; private set; } = [];
    public IReadOnlyList<OpenCase> Open { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public int ThisYear { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        ThisYear = LadoOversight.ReportingYearOf(Today);
        Due = await oversight.DueAsync(ct);
        var open = await db.LadoCases.AsNoTracking().Include(c => c.Person)
            .Where(c => c.OutcomeOn == null && !(c.ConsideredOn != null && c.Decision != LadoDecision.AllegationManagementMeeting))
            .OrderBy(c => c.ReceivedOn).ToListAsync(ct);
        Open = open.Select(c => new OpenCase(c.Id, c.Person.Name, c.EmployerName, LadoCase.Describe(c.EmployerSector), c.ReceivedOn,
            c.ConsideredOn is null ? "Awaiting initial consideration" : "Allegation management")).ToList();
    }
}
