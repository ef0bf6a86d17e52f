using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Fostering.Households;

/// Links a placement recorded on a child's period of care to this household, without JavaScript:
/// the placements not yet linked whose carer's name or postcode matches are offered (the household's
/// postcode first). Fostering workers do not open children's records, so a placement shows only what
/// the carers' side knows (type, carer, postcode, dates); the child is named only to a reader who may
/// open the child's record. FosteringService.LinkPlacementAsync holds the rules, as for the API.
[Authorize(Policy = Policies.FosteringWork)]
public class PlacementsModel(HavenDbContext db, FosteringService fostering, ChildAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty] public int? PlacementId { get; set; }

    public FosterHousehold Household { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> PlacementItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await FindAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ModelState.Remove(nameof(PlacementId));
        await FindAsync(ct);
        // Only a placement offered on this page can be linked here.
        var offered = PlacementItems.Any(p => p.Value == PlacementId?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var result = await fostering.LinkPlacementAsync(id, offered ? PlacementId : null, ct);
        if (result.NotFound) return NotFound();
        foreach (var (field, message) in result.Errors) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Placement linked to the household";
        return Redirect($"/fostering/carers/{id}");
    }

    private async Task FindAsync(CancellationToken ct)
    {
        Search = string.IsNullOrWhiteSpace(Search) ? Household.Postcode : Search.Trim();
        if (Search.Length > 100) Search = Search[..100];
        var term = Search.ToLowerInvariant();
        var postcode = Search.ToUpperInvariant();
        var linked = db.HouseholdPlacements.Select(l => l.PlacementId);
        var placements = await db.Set<Haven.Core.ChildrenLookedAfter.Placement>().AsNoTracking()
            .Where(p => !linked.Contains(p.Id) && (p.Postcode == postcode || p.CarerName.ToLower().Contains(term)))
            .OrderByDescending(p => p.StartDate).ThenBy(p => p.Id).Take(20)
            .Select(p => new { p.Id, p.ChildId, p.PlacementTypeCode, p.CarerName, p.Postcode, p.StartDate, p.EndDate }).ToListAsync(ct);
        var childIds = placements.Select(p => p.ChildId).Distinct().ToList();
        var names = CurrentWorker.From(User) is { } me && childIds.Count > 0
            ? await access.Children(me).Where(c => childIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.FirstName + " " + c.LastName, ct)
            : new Dictionary<int, string>();
        PlacementItems = placements.Select(p => new SelectListItem(
            $"{(names.TryGetValue(p.ChildId, out var n) ? n + ": " : "")}{p.PlacementTypeCode} with {p.CarerName}, {p.Postcode}, from {p.StartDate:d MMM yyyy}{(p.EndDate is { } e ? $" to {e:d MMM yyyy}" : " (current)")}",
            p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        Household = (await db.FosterHouseholds.AsNoTracking().FirstOrDefaultAsync(h => h.Id == id, ct))!;
        return Household is not null;
    }
}
