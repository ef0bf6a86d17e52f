using System.ComponentModel.DataAnnotations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Add, change or end an arrangement for time with family.
public class ArrangementEditModel(HavenDbContext db, CourtAndFamilyTimeService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select who the child spends time with")]
    public FamilyMember? With { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the name of the family member")]
    public string? PersonName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter how often the child spends time with them")]
    public string? Frequency { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the time is supervised")]
    public string? Supervised { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the date the arrangement starts"), GovukDate(ErrorMessagePrefix = "Date the arrangement starts")]
    public DateOnly? StartDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the arrangement ends")]
    public DateOnly? EndDate { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ContactArrangement? Saved { get; private set; }
    public bool Conflict { get; private set; }
    public static IReadOnlyList<SelectListItem> Members =>
        [new("Select who", ""), .. Enum.GetValues<FamilyMember>().Select(m => new SelectListItem(FamilyTimeModel.Describe(m), m.ToString()))];

    public async Task<IActionResult> OnGetAsync(int childId, int? arrangementId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, arrangementId, ct)) return NotFound();
        if (Saved is { } s)
            (With, PersonName, Frequency, Supervised, StartDate, EndDate, Version) =
                (s.With, s.PersonName, s.Frequency, s.Supervised ? "yes" : "no", s.StartDate, s.EndDate, s.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int? arrangementId, CancellationToken ct)
    {
        if (Supervised is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(Supervised), "Select whether the time is supervised");
        if (ModelState.IsValid)
        {
            var result = await service.SaveArrangementAsync(childId, arrangementId, Version,
                new ContactArrangementOptions(With!.Value, PersonName!, Frequency!, Supervised == "yes", StartDate!.Value, EndDate), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Arrangement saved";
                return Redirect($"/children/{childId}/care/family-time");
            }
            if (result.Errors.ContainsKey("Id")) return NotFound();
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        if (!await LoadAsync(childId, arrangementId, ct)) return NotFound();
        if (Conflict) Version = Saved?.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int? arrangementId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (arrangementId is null) return true;
        Saved = await db.ContactArrangements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == arrangementId && a.ChildId == childId, ct);
        return Saved is not null;
    }
}
