using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// Deregisters a household: the date and the reason, kept with the household (soft: the household,
/// its history and the children it cared for stay on record; no review falls due after it).
[Authorize(Policy = Policies.FosteringWork)]
public class DeregisterModel(HavenDbContext db, FosteringService fostering) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of deregistration")] public DateOnly? Date { get; set; }
    [BindProperty] public DeregistrationReason? Reason { get; set; }
    [BindProperty] public string? Details { get; set; }
    [BindProperty] public Guid Version { get; set; }

    public FosterHousehold Saved { get; private set; } = null!;
    public FosterHousehold? TheirVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Version = Saved.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.GetValueOrDefault(nameof(Reason)) is { Errors.Count: > 0 }) { ModelState.Remove(nameof(Reason)); Reason = null; }
        var result = await fostering.DeregisterAsync(id, new DeregisterOptions(Date, Reason, Details), Version, CurrentWorker.From(User)?.WorkerId, ct);
        if (result.NotFound) return NotFound();
        foreach (var (field, message) in result.Errors)
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (result.Conflict)
        {
            TheirVersion = result.Value;
            Version = result.Value!.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, "Someone else changed this household while you were editing it. Check what they saved (below) and save again if it should still be deregistered");
        }
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Household deregistered";
        return Redirect($"/fostering/carers/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Saved = (await db.FosterHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct))!;
        return Saved is not null;
    }
}
