using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Enquiries;

/// Adoption support after the order, recorded against the adopters (their funnel record), so the
/// adopted child, whose record is sealed, is not named here.
[Authorize(Policy = Policies.FosteringWork)]
public class SupportAddModel(HavenDbContext db, FosteringService fostering) : SupportFormModel
{
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
        var o = ReadOptions();
        if (!ModelState.IsValid) { AddErrors(fostering.Validate(o)); return Page(); }
        var result = await fostering.AddSupportAsync(null, id, o, CurrentWorker.From(User)?.WorkerId, Submission, ct);
        if (result.NotFound) return NotFound();
        AddErrors(result.Errors);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Adoption support recorded";
        return Redirect($"/fostering/enquiries/{id}#support");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Adopters = (await db.RecruitmentEnquiries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.Kind == ApplicantKind.Adoption && e.ApprovalDate != null, ct))!;
        return Adopters is not null;
    }
}
