using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

/// Record a review child protection conference: the plan continues (with its category) or ends with a reason.
public class ReviewConferenceModel(HavenDbContext db, ConferenceService conferences, TimeProvider clock) : PageModel, IConferenceAttendeesForm
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the review conference")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Police { get; set; }
    [BindProperty] public string? Health { get; set; }
    [BindProperty] public string? Education { get; set; }
    [BindProperty] public string? SocialCare { get; set; }
    [BindProperty] public string? Others { get; set; }
    [BindProperty] public List<string> ReportsFrom { get; set; } = [];
    [BindProperty] public string? PlanContinues { get; set; }
    [BindProperty] public string? CategoryOfAbuse { get; set; }
    [BindProperty] public PlanEndReason? EndReason { get; set; }
    [BindProperty] public string? Decision { get; set; }
    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ChildProtectionPlan Plan { get; private set; } = null!;
    public DateOnly Due { get; private set; }
    public bool Conflict { get; private set; }

    public static IReadOnlyList<SelectListItem> DecisionItems { get; } =
        [new("The plan continues", "yes"), new("The plan ends", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        if (!Plan.IsOpen) return Redirect($"/children/{childId}/child-protection/plans/{planId}");
        Version = Plan.Version;
        CategoryOfAbuse = Plan.CategoryOfAbuse;
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int planId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, planId, ct)) return NotFound();
        try
        {
            var result = await conferences.RecordReviewConferenceAsync(new RecordReviewConferenceOptions(childId, planId, Version, Date, Chair,
                ConferenceAttendeesInput.From(this).ToOptions(), PlanContinues switch { "yes" => true, "no" => false, _ => null }, CategoryOfAbuse, EndReason, Decision,
                SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = result.Value!.PlanNeeded ? "Review conference recorded" : "Review conference recorded and child protection plan ended";
                return Redirect($"/children/{childId}/child-protection/conferences/{result.Value!.Id}");
            }
            ConferenceAttendeesInput.AddErrors(ModelState, result.Errors, f => f == "Attendees" ? nameof(Police) : f);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(childId, planId, ct);
            Conflict = true;
            Version = Plan.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this plan while you were recording the review. Check the plan's conferences below; your entries are still in the form. Save again to record yours");
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int planId, CancellationToken ct)
    {
        var p = await db.ChildProtectionPlans.AsNoTracking().FirstOrDefaultAsync(x => x.Id == planId && x.ChildId == childId, ct);
        if (p is null) return false;
        Plan = p;
        var last = await db.ChildProtectionConferences.Where(c => c.ChildProtectionPlanId == p.Id && c.Kind == ConferenceKind.Review).MaxAsync(c => (DateOnly?)c.Date, ct);
        Due = ChildProtectionRules.NextReview(p.StartDate, last).Due;
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return true;
    }
}
