using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households.Training;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    private readonly HavenDbContext db = db;

    [BindProperty] public string? Course { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date completed")] public DateOnly? CompletedDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date required by")] public DateOnly? RequiredBy { get; set; }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var o = new TrainingOptions(Course, RequiredBy, CompletedDate);
        if (!ModelState.IsValid) { AddRuleErrors(fostering.Validate(o)); return Page(); }
        return Row is { } row
            ? Corrected(id, await fostering.CorrectAsync(id, row, o, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct), FosteringService.Describe, "Training corrected")
            : Done(id, await fostering.AddAsync(id, o, Submission, ct), "Training recorded");
    }

    protected override async Task<bool> FillAsync(int id, int row, CancellationToken ct)
    {
        var r = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.CarerTraining), x => x.Id == row && x.HouseholdId == id, ct);
        if (r is null) return false;
        Course = r.Course; CompletedDate = r.CompletedDate; RequiredBy = r.RequiredBy;
        Version = r.Version;
        return true;
    }
}
