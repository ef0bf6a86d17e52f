using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Change a plan: saves a new version from the one the user read. If someone else saved a version
/// meanwhile, theirs is shown beside the user's unsaved changes and nothing is lost.
public class NewVersionModel(HavenDbContext db, PlanService plans, TimeProvider clock) : PlanContentForm
{
    [BindProperty] public Guid BaseVersion { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public Plan Record { get; private set; } = null!;
    /// The version someone else saved while this user was editing.
    public PlanVersion? Theirs { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (!Record.IsOpen) return Redirect($"/children/{childId}/plans/{planId}");
        Fill((await ReadVersionAsync(db, planId, Record.CurrentVersionNumber, ct))!);
        BaseVersion = Record.Version;
        SubmissionId = Guid.NewGuid();
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        try
        {
            var result = await plans.SaveVersionAsync(new SavePlanVersionOptions(planId, BaseVersion, ToOptions(), Reason, SubmissionId == Guid.Empty ? null : SubmissionId),
                CurrentWorker.From(User)!, ct);
            if (!result.Succeeded || !ModelState.IsValid)
            {
                AddErrors(result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0).ToDictionary());
                AddBlankRows();
                return Page();
            }
            TempData["Notice"] = $"Version {result.Value!.Number} of the plan saved";
            return Redirect($"/children/{childId}/plans/{planId}");
        }
        catch (DbUpdateException)
        {
            // A stale base version (DbUpdateConcurrencyException) or a version number taken by a
            // concurrent save (the unique index): either way someone else's version came first.
            db.ChangeTracker.Clear();
            await LoadAsync(childId, planId, ct);
            Theirs = await ReadVersionAsync(db, planId, Record.CurrentVersionNumber, ct);
            BaseVersion = Record.Version;
            ModelState.Remove(nameof(BaseVersion));
            SubmissionId = Guid.NewGuid();
            ModelState.Remove(nameof(SubmissionId));
            ModelState.AddModelError(string.Empty, $"Someone else saved version {Record.CurrentVersionNumber} of this plan while you were changing it. Their version is shown under 'Saved by them'; your changes are still in the form. Check them against theirs and save again to keep yours");
            AddBlankRows();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int childId, int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId && p.ChildId == childId, ct);
        if (plan is null || !await HasCurrentVersionAsync(db, plan, ct)) return false;
        Record = plan;
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
        return true;
    }
}
