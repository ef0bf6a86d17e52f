using Haven.Core.Access;
using Haven.Core.ChildInNeed;
using Haven.Core.Data;
using Haven.Core.Plans;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Plans;

/// Review a child in need plan. If the review changes the plan, the changes below are saved as the
/// plan's next version in the same step.
public class ReviewModel(HavenDbContext db, ChildInNeedPlanService service, ChildInNeedSettings settings, TimeProvider clock) : PlanContentForm
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the review")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public string? Views { get; set; }
    [BindProperty] public string? ChangePlan { get; set; }
    [BindProperty] public Guid BaseVersion { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ChildInNeedPlan Cin { get; private set; } = null!;
    public DateOnly Due { get; private set; }
    public int ReviewWeeks => settings.ReviewWeeks;
    public PlanVersion? Theirs { get; private set; }

    public static IReadOnlyList<SelectListItem> ChangeItems { get; } =
        [new("No, the plan stays as it is", "no"), new("Yes, save the changes below as a new version of the plan", "yes")];

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (!Cin.IsOpen) return Redirect($"/children/{childId}/plans/{planId}");
        Fill((await ReadVersionAsync(db, planId, Cin.Plan.CurrentVersionNumber, ct))!);
        BaseVersion = Cin.Plan.Version;
        Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        SubmissionId = Guid.NewGuid();
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (ChangePlan is not ("yes" or "no")) ModelState.AddModelError(nameof(ChangePlan), "Select whether the review changes the plan");
        try
        {
            var result = await service.ReviewAsync(new ReviewChildInNeedPlanOptions(Cin.Id, Date, Summary, Views, BaseVersion,
                ChangePlan == "yes" ? ToOptions() : null, SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
            if (!result.Succeeded || !ModelState.IsValid)
            {
                AddErrors(result.Errors.Where(e => !ModelState.ContainsKey(e.Key) || ModelState[e.Key]!.Errors.Count == 0).ToDictionary());
                AddBlankRows();
                return Page();
            }
            TempData["Notice"] = result.Value!.PlanVersionNumber is { } n ? $"Review recorded and version {n} of the plan saved" : "Review recorded";
            return Redirect($"/children/{childId}/plans/{planId}");
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, planId, ct);
            Theirs = await ReadVersionAsync(db, planId, Cin.Plan.CurrentVersionNumber, ct);
            BaseVersion = Cin.Plan.Version;
            ModelState.Remove(nameof(BaseVersion));
            SubmissionId = Guid.NewGuid();
            ModelState.Remove(nameof(SubmissionId));
            ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were recording the review. Their version is shown under 'Saved by them'; your review is still in the form. Check it against theirs and save again");
            AddBlankRows();
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int childId, int planId, CancellationToken ct)
    {
        var cin = await db.ChildInNeedPlans.AsNoTracking().Include(c => c.Plan).Include(c => c.Reviews)
            .FirstOrDefaultAsync(c => c.PlanId == planId && c.ChildId == childId, ct);
        if (cin is null || !await HasCurrentVersionAsync(db, cin.Plan, ct)) return false;
        Cin = cin;
        Due = settings.NextReviewDue(cin.ReviewClockFrom);
        Header = (await ChildHeader.LoadAsync(db, childId, "plans", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct))!;
        return true;
    }
}
