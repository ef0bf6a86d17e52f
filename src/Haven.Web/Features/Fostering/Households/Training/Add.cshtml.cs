using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households.Training;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    [BindProperty] public string? Course { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date completed")] public DateOnly? CompletedDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date required by")] public DateOnly? RequiredBy { get; set; }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var o = new TrainingOptions(Course, RequiredBy, CompletedDate);
        if (!ModelState.IsValid) { AddRuleErrors(fostering.Validate(o)); return Page(); }
        return Done(id, await fostering.AddAsync(id, o, Submission, ct), "Training recorded");
    }
}
