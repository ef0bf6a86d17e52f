using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Enquiries;

/// Adopters' training (preparation groups, and second-time adopters' own course), recorded against
/// their funnel record with the same rules as foster carers' training. Added, once per submission.
[Authorize(Policy = Policies.FosteringWork)]
public class TrainingAddModel(HavenDbContext db, FosteringService fostering) : PageModel
{
    [BindProperty] public string? Course { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date completed")] public DateOnly? CompletedDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date required by")] public DateOnly? RequiredBy { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public RecruitmentEnquiry Adopters { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var o = new TrainingOptions(Course, RequiredBy, CompletedDate);
        var errors = ModelState.IsValid ? null : fostering.Validate(o);
        if (errors is null)
        {
            var result = await fostering.AddAdopterTrainingAsync(id, o, SubmissionId == Guid.Empty ? null : SubmissionId, ct);
            if (result.NotFound) return NotFound();
            errors = new(result.Errors);
        }
        foreach (var (field, message) in errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Training recorded";
        return Redirect($"/fostering/enquiries/{id}#training");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Adopters = (await db.RecruitmentEnquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Kind == ApplicantKind.Adoption, ct))!;
        return Adopters is not null;
    }
}
