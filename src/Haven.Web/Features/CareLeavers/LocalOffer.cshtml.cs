using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.CareLeavers;

/// The council's local offer for care leavers: held in one place, printable, and edited by a
/// manager (team managers). A change made meanwhile by someone else is not overwritten.
public class LocalOfferModel(HavenDbContext db, CareLeaverService service) : PageModel
{
    public const string Default = "Every care leaver can expect:\n- A personal adviser up to the age of 25.\n- Help with council tax until 25.\n- A setting-up-home allowance.\n- Help with the costs of education, training and apprenticeships.\n- Their health history, in plain words, whenever they ask.";

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public Guid? Version { get; set; }
    public LocalOffer? Offer { get; private set; }
    public bool CanEdit { get; private set; }
    public bool Editing { get; private set; }

    public async Task OnGetAsync(bool edit, CancellationToken ct)
    {
        await LoadAsync(ct);
        Editing = edit && CanEdit;
        Text = Offer?.Text ?? Default;
        Version = Offer?.Version;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!CanEdit) return Forbid();
        var result = await service.SaveLocalOfferAsync(Text, Version, CurrentWorker.From(User)!, ct);
        if (!result.Succeeded)
        {
            foreach (var (k, m) in result.Errors) ModelState.AddModelError(k, m);
            await LoadAsync(ct);
            Editing = true;
            Version = Offer?.Version;
            return Page();
        }
        TempData["Notice"] = "Local offer saved";
        return Redirect("/care-leavers/local-offer");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Offer = await db.LocalOffers.AsNoTracking().OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        CanEdit = CurrentWorker.From(User)?.Role is HavenRole.TeamManager;
    }
}
