using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households.Reviews;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the review")] public DateOnly? ReviewDate { get; set; }
    [BindProperty] public string? ToPanel { get; set; }
    [BindProperty] public string? ApprovalContinues { get; set; }
    [BindProperty] public string? Summary { get; set; }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ToPanel is not ("yes" or "no")) ModelState.AddModelError(nameof(ToPanel), "Select whether the review went to panel");
        if (ApprovalContinues is not ("yes" or "no")) ModelState.AddModelError(nameof(ApprovalContinues), "Select whether the approval continues");
        var o = new CarerReviewOptions(ReviewDate, ToPanel == "yes", ApprovalContinues != "no", Summary);
        if (!ModelState.IsValid) { AddRuleErrors(fostering.Validate(o)); return Page(); }
        return Done(id, await fostering.AddAsync(id, o, Submission, ct), "Annual review recorded");
    }
}
