using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households.Reviews;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    private readonly HavenDbContext db = db;

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
        return Row is { } row
            ? Corrected(id, await fostering.CorrectAsync(id, row, o, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct), FosteringService.Describe, "Annual review corrected")
            : Done(id, await fostering.AddAsync(id, o, Submission, ct), "Annual review recorded");
    }

    protected override async Task<bool> FillAsync(int id, int row, CancellationToken ct)
    {
        var r = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.CarerReviews), x => x.Id == row && x.HouseholdId == id, ct);
        if (r is null) return false;
        ReviewDate = r.ReviewDate; ToPanel = r.ToPanel ? "yes" : "no"; ApprovalContinues = r.ApprovalContinues ? "yes" : "no"; Summary = r.Summary;
        Version = r.Version;
        return true;
    }
}
