using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Lado;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Lado;

/// One allegation: the person, the referral, the children (by reference), the decision, meetings
/// with their actions, and the outcome. Every view is written to the access log.
public class CaseModel(HavenDbContext db, LadoService lado, AccessLog log, TimeProvider clock) : PageModel
{
    public LadoCase Case { get; private set; } = null!;
    public IReadOnlyList<LadoCase> OtherCases { get; private set; } = [];
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int caseId, CancellationToken ct)
    {
        if (!await LoadAsync(caseId, ct)) return NotFound();
        var w = CurrentWorker.From(User)!;
        await log.WriteAsync(new AccessEvent(w.UserName, w.WorkerId, AccessAction.View, null, $"/lado/{caseId}", "LADO case"), ct);
        return Page();
    }

    /// Mark an action done (a small form beside each open action).
    public async Task<IActionResult> OnPostCompleteAsync(int caseId, int actionId, Guid version, CancellationToken ct)
    {
        if (!await db.LadoActions.AnyAsync(a => a.Id == actionId && a.LadoCaseId == caseId, ct)) return NotFound();
        try
        {
            await lado.CompleteActionAsync(caseId, actionId, version, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
            TempData["Notice"] = "Action marked as done";
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Notice"] = "Someone else updated that action first: check it below";
        }
        return Redirect($"/lado/{caseId}");
    }

    private async Task<bool> LoadAsync(int caseId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var c = await db.LadoCases.AsNoTracking().Include(x => x.Person).Include(x => x.Children)
            .Include(x => x.Meetings).ThenInclude(m => m.Actions).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return false;
        Case = c;
        OtherCases = await db.LadoCases.AsNoTracking().Where(x => x.PersonId == c.PersonId && x.Id != c.Id).OrderBy(x => x.ReceivedOn).ToListAsync(ct);
        return true;
    }
}
