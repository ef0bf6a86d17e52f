using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Enquiries;

/// Records a new enquiry from a household wanting to foster or adopt, with any steps already reached.
[Authorize(Policy = Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : EnquiryFormModel(db)
{
    [BindProperty] public Guid SubmissionId { get; set; }

    public async Task OnGetAsync(ApplicantKind? kind, CancellationToken ct)
    {
        Kind = kind;
        SubmissionId = Guid.NewGuid();
        await LoadCampaignsAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var options = ReadOptions();
        if (options is not null) AddErrors(await fostering.ValidateAsync(options, ct));
        if (!ModelState.IsValid)
        {
            await LoadCampaignsAsync(ct);
            return Page();
        }
        var e = await fostering.AddAsync(options!, CurrentWorker.From(User)?.WorkerId, ct, SubmissionId == Guid.Empty ? null : SubmissionId);
        TempData["Notice"] = "Enquiry recorded";
        return Redirect($"/fostering/enquiries/{e.Id}");
    }
}
