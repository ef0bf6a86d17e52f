using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// Changes a household's approval terms or supervising social worker, or records a connected
/// person's full approval. Each change is kept with its reason.
[Authorize(Policy = Policies.FosteringWork)]
public class TermsModel(HavenDbContext db, FosteringService fostering) : HouseholdFormModel(db)
{
    private readonly HavenDbContext db = db;

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public FosterHousehold Saved { get; private set; } = null!;
    public FosterHousehold? TheirVersion { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Fill(Saved);
        Version = Saved.Version;
        await LoadWorkersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Kind = Saved.Kind; // the kind of household does not change
        ModelState.Remove(nameof(Kind));
        var options = ReadOptions();
        if (options is not null && !ModelState.IsValid) AddErrors(await fostering.ValidateAsync(options, ct));
        else if (options is not null)
        {
            var result = await fostering.UpdateAsync(id, options, Version, Reason, CurrentWorker.From(User)?.WorkerId, ct);
            if (result.NotFound) return NotFound();
            AddErrors(result.Errors);
            if (result.Conflict)
            {
                TheirVersion = result.Value;
                Version = result.Value!.Version;
                ModelState.Remove(nameof(Version));
                ModelState.AddModelError(string.Empty, "Someone else changed this household while you were editing it. Check what they saved (below) and save again to keep yours");
            }
        }
        if (!ModelState.IsValid) { await LoadWorkersAsync(ct); return Page(); }
        TempData["Notice"] = "Approval terms saved";
        return Redirect($"/fostering/carers/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Saved = (await db.FosterHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct))!;
        return Saved is not null;
    }
}
