using Haven.Core.Access;
using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Close a child in need plan with its reason; the child's child in need span ends with it.
public class CloseModel(HavenDbContext db, ChildInNeedPlanService service, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "End date")] public DateOnly? EndDate { get; set; }
    [BindProperty] public ChildInNeedPlanClosureReason? Reason { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ChildInNeedPlan Cin { get; private set; } = null!;
    /// Someone else changed the plan after this form was read: the page shows what is saved now beside the form.
    public bool Conflicted { get; private set; }

    public static IReadOnlyList<SelectListItem> ReasonItems { get; } = Enum.GetValues<ChildInNeedPlanClosureReason>()
        .Select(r => new SelectListItem(ChildInNeedPlan.Describe(r), r.ToString())).ToList();

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (!Cin.IsOpen) return Redirect($"/children/{childId}/plans/{planId}");
        Version = Cin.Version;
        EndDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        try
        {
            var result = await service.CloseAsync(new CloseChildInNeedPlanOptions(Cin.Id, Version, EndDate, Reason, Note), CurrentWorker.From(User)!, ct);
            if (!result.Succeeded || !ModelState.IsValid)
            {
                foreach (var (k, v) in result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0)) ModelState.AddModelError(k, v);
                return Page();
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, planId, ct);
            Version = Cin.Version;
            Conflicted = true;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were closing it. Check the plan, then close it again");
            return Page();
        }
        TempData["Notice"] = "Child in need plan closed";
        return Redirect($"/children/{childId}/plans/{planId}");
    }

    private async Task<bool> LoadAsync(int childId, int planId, CancellationToken ct)
    {
        var cin = await db.ChildInNeedPlans.AsNoTracking().FirstOrDefaultAsync(c => c.PlanId == planId && c.ChildId == childId, ct);
        if (cin is null) return false;
        Cin = cin;
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
        return true;
    }
}
