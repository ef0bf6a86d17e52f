using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Enquiries;

/// One household's way through the funnel: record each step as it is reached, or that they
/// withdrew and why. A date already recorded can be corrected with a reason; the history of
/// every change is kept (FosteringCorrections) and shown below the form.
[Authorize(Policy = Policies.FosteringWork)]
public class EnquiryModel(HavenDbContext db, FosteringService fostering) : EnquiryFormModel(db)
{
    private readonly HavenDbContext db = db;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public RecruitmentEnquiry Saved { get; private set; } = null!;
    /// Set when someone else saved the enquiry while this user was editing it: what is saved now.
    public RecruitmentEnquiry? TheirVersion { get; private set; }
    public IReadOnlyList<FosteringCorrection> History { get; private set; } = [];
    /// Adopters: the support they receive after an adoption order.
    public IReadOnlyList<GuardianSupport> Support { get; private set; } = [];
    /// Adopters: their training (preparation groups; second-time adopters' own course).
    public IReadOnlyList<CarerTraining> Training { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Saved);
        Version = Saved.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var options = ReadOptions();
        if (options is null) return Page();
        var result = await fostering.UpdateAsync(id, options, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct);
        if (result.NotFound) return NotFound();
        AddErrors(result.Errors);
        if (result.Conflict)
        {
            TheirVersion = result.Value;
            Version = result.Value!.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this enquiry while you were editing it. Check what they saved (below) and save again to keep yours");
        }
        if (!ModelState.IsValid) { await LoadAsync(id, ct); return Page(); }
        TempData["Notice"] = "Enquiry saved";
        return Redirect($"/fostering/enquiries/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var e = await db.RecruitmentEnquiries.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return false;
        Saved = e;
        History = await db.FosteringCorrections.AsNoTracking().Where(c => c.EnquiryId == id).OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id).Take(200).ToListAsync(ct);
        Support = await db.GuardianSupport.AsNoTracking().Where(s => s.AdopterEnquiryId == id).OrderByDescending(s => s.StartDate).Take(100).ToListAsync(ct);
        Training = await db.CarerTraining.AsNoTracking().Where(t => t.EnquiryId == id).OrderBy(t => t.CompletedDate != null).ThenByDescending(t => t.CompletedDate).ThenBy(t => t.RequiredBy).Take(100).ToListAsync(ct);
        await LoadCampaignsAsync(ct);
        return true;
    }
}
