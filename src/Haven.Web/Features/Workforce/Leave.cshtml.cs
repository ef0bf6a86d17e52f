using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Workforce;

/// Records a worker's last day in post on one spell of employment. The form carries the spell's
/// version: if someone else recorded a different last day meanwhile, the page shows both and saves nothing.
public class LeaveModel(HavenDbContext db, EmploymentService employment) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Last day in post")] public DateOnly? LeaveDate { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public Employment Spell { get; private set; } = null!;
    public string WorkerName { get; private set; } = "";
    /// The last day someone else saved while this form was open, shown beside what was typed.
    public DateOnly? TheirLeaveDate { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        Version = Spell.Version;
        LeaveDate = Spell.LeaveDate;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } refusal) return refusal;
        if (!ModelState.IsValid) return Page();
        if (Spell.Version != Version)
        {
            (Conflict, TheirLeaveDate) = (true, Spell.LeaveDate);
            ModelState.AddModelError(string.Empty, "Someone else changed this spell of employment while you were working on it. Check their version below, then save again if yours is still right");
            Version = Spell.Version;
            return Page();
        }
        try
        {
            await employment.RecordLeavingAsync(Id, Version, LeaveDate, ct);
        }
        catch (WorkforceValidationException e)
        {
            ModelState.AddModelError(e.Field, e.Message);
            return Page();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(ct);
            (Conflict, TheirLeaveDate, Version) = (true, Spell.LeaveDate, Spell.Version);
            ModelState.AddModelError(string.Empty, "Someone else changed this spell of employment while you were working on it. Check their version below, then save again if yours is still right");
            return Page();
        }
        TempData["Notice"] = $"Last day in post recorded for {WorkerName}";
        return Redirect($"/workforce/teams/{Spell.TeamId}");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var spell = await db.Employments.AsNoTracking().Include(e => e.Worker).FirstOrDefaultAsync(e => e.Id == Id, ct);
        if (spell is null) return NotFound();
        if (!EmploymentService.MayKeep(CurrentWorker.From(User)!, spell.TeamId)) return Forbid();
        (Spell, WorkerName) = (spell, spell.Worker.DisplayName);
        return null;
    }
}
