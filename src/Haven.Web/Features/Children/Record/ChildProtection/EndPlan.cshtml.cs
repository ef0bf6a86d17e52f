using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// End a plan without a conference: the child moved to another council, turned 18, died or became looked after.
public class EndPlanModel(HavenDbContext db, ConferenceService conferences, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the plan ended")] public DateOnly? EndDate { get; set; }
    [BindProperty] public PlanEndReason? EndReason { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ChildProtectionPlan Plan { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (!Plan.IsOpen) return Redirect($"/children/{childId}/child-protection/plans/{planId}");
        Version = Plan.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        try
        {
            var result = await conferences.EndPlanAsync(new EndPlanOptions(childId, planId, Version, EndDate, EndReason), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Child protection plan ended";
                return Redirect($"/children/{childId}/child-protection/plans/{planId}");
            }
            ConferenceAttendeesInput.AddErrors(ModelState, result.Errors);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, planId, ct);
            Conflict = true;
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were ending it. Their version is shown under 'Saved by them'; save again to end it");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int planId, CancellationToken ct)
    {
        var p = await db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == planId && x.ChildId == childId, ct);
        if (p is null) return false;
        Plan = p;
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
