using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households.Visits;

[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdRowFormModel(db)
{
    private readonly HavenDbContext db = db;

    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the visit")] public DateOnly? VisitDate { get; set; }
    [BindProperty] public string? Unannounced { get; set; }
    [BindProperty] public string? Notes { get; set; }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (Unannounced is not ("yes" or "no")) ModelState.AddModelError(nameof(Unannounced), "Select whether the visit was unannounced");
        var o = new VisitOptions(VisitDate, Unannounced == "yes", Notes);
        if (!ModelState.IsValid) { AddRuleErrors(fostering.Validate(o)); return Page(); }
        return Row is { } row
            ? Corrected(id, await fostering.CorrectAsync(id, row, o, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct), FosteringService.Describe, "Supervision visit corrected")
            : Done(id, await fostering.AddAsync(id, o, CurrentWorker.From(User)!.WorkerId, Submission, ct), "Supervision visit recorded");
    }

    protected override async Task<bool> FillAsync(int id, int row, CancellationToken ct)
    {
        var r = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.SupervisionVisits), x => x.Id == row && x.HouseholdId == id, ct);
        if (r is null) return false;
        VisitDate = r.VisitDate; Unannounced = r.Unannounced ? "yes" : "no"; Notes = r.Notes;
        Version = r.Version;
        return true;
    }
}
