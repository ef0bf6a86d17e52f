using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Fostering.Households;

/// Records an approved mainstream household, or a connected person temporarily approved for a child.
[Authorize(Policy = Policies.FosteringWork)]
public class AddModel(HavenDbContext db, FosteringService fostering) : HouseholdFormModel(db)
{
    [BindProperty] public Guid SubmissionId { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        SubmissionId = Guid.NewGuid();
        await LoadWorkersAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var options = ReadOptions();
        if (options is not null) AddErrors(await fostering.ValidateAsync(options, ct));
        if (!ModelState.IsValid)
        {
            await LoadWorkersAsync(ct);
            return Page();
        }
        var h = await fostering.AddAsync(options!, ct, SubmissionId == Guid.Empty ? null : SubmissionId);
        TempData["Notice"] = "Household recorded";
        return Redirect($"/fostering/carers/{h.Id}");
    }
}
