using Haven.Core.Access;
using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Start a child in need plan: its first version, and the child's child in need span, together.
public class StartChildInNeedModel(HavenDbContext db, ChildInNeedPlanService service, TimeProvider clock) : PlanContentForm
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Start date")] public DateOnly? StartDate { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        if (await db.ChildInNeedPlans.AnyAsync(p => p.ChildId == childId && p.EndDate == null, ct)) return Redirect($"/children/{childId}/plans");
        StartDate = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SubmissionId = Guid.NewGuid();
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        var result = await service.StartAsync(new StartChildInNeedPlanOptions(childId, StartDate, ToOptions(), SubmissionId == Guid.Empty ? null : SubmissionId),
            CurrentWorker.From(User)!, ct);
        if (!result.Succeeded || !ModelState.IsValid)
        {
            AddErrors(result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0).ToDictionary());
            AddBlankRows();
            return Page();
        }
        TempData["Notice"] = "Child in need plan started";
        return Redirect($"/children/{childId}/plans/{result.Value!.PlanId}");
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
}
