using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Haven.Core.Missing;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Inclusion;

/// Records a suitability check or visit (or the child leaving the register).
public class HomeEducationCheckModel(HavenDbContext db, InclusionService inclusion, TimeProvider clock) : InclusionPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Select whether this was a check or a visit")] public HomeEducationCheckKind? Kind { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the date of the check"), GovukDate(ErrorMessagePrefix = "The date of the check")] public DateOnly? HeldOn { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the outcome")] public HomeEducationOutcome? Outcome { get; set; }
    [BindProperty] public bool SafeguardingConcern { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public HomeEducation Entry { get; private set; } = null!;
    public static IEnumerable<SelectListItem> KindItems => Enum.GetValues<HomeEducationCheckKind>().Select(k => new SelectListItem(HomeEducation.Describe(k), k.ToString()));
    public static IEnumerable<SelectListItem> OutcomeItems => Enum.GetValues<HomeEducationOutcome>().Select(k => new SelectListItem(HomeEducation.Describe(k), k.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, int homeEducationId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, homeEducationId, ct)) return NotFound();
        Version = Entry.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int homeEducationId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, homeEducationId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var o = new HomeEducationCheckOptions(Kind!.Value, HeldOn!.Value, Outcome!.Value, SafeguardingConcern, Notes);
        AddErrors(inclusion.Validate(o, Entry));
        if (!ModelState.IsValid) return Page();
        try
        {
            await inclusion.AddCheckAsync(Entry, o, CurrentWorker.From(User), Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(childId, homeEducationId, ct);
            Version = Entry.Version;
            ModelState.AddModelError(nameof(Kind), "Someone else recorded a check while you were working on this one. Check the record, then save yours again if it is still needed");
            return Page();
        }
        TempData["Notice"] = "Check recorded";
        return Redirect($"/children/{childId}/inclusion");
    }

    private async Task<bool> LoadAsync(int childId, int id, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        var h = await Db.HomeEducations.Include(x => x.Checks).FirstOrDefaultAsync(x => x.Id == id && x.ChildId == childId, ct);
        if (h is null) return false;
        Entry = h;
        return true;
    }
}
