using System.ComponentModel.DataAnnotations;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Haven.Core.Missing;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Inclusion;

/// Closes a children missing education referral, usually because the child is found on a school roll.
public class CloseMissingEducationModel(HavenDbContext db, InclusionService inclusion, TimeProvider clock) : InclusionPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of closure"), GovukDate(ErrorMessagePrefix = "The date of closure")]
    public DateOnly? ClosedOn { get; set; }
    [BindProperty, Required(ErrorMessage = "Select why the referral is closing")] public MissingEducationClosure? Closure { get; set; }
    [BindProperty] public string? ClosureDetail { get; set; }
    [BindProperty] public Guid? Version { get; set; }

    public MissingEducation Referral { get; private set; } = null!;
    public static IEnumerable<SelectListItem> ClosureItems => Enum.GetValues<MissingEducationClosure>().Select(c => new SelectListItem(MissingEducation.Describe(c), c.ToString()));

    public async Task<IActionResult> OnGetAsync(int childId, int cmeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, cmeId, ct)) return NotFound();
        Version = Referral.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int cmeId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, cmeId, ct)) return NotFound();
        // Someone else closed or changed the referral after this form was read: say so, with theirs shown.
        if (Version != Referral.Version) return StalePage();
        if (!ModelState.IsValid) return Page();
        AddErrors(inclusion.ValidateClosure(Referral, ClosedOn!.Value, Closure, ClosureDetail));
        if (!ModelState.IsValid) return Page();
        try
        {
            await inclusion.CloseAsync(Referral, ClosedOn!.Value, Closure!.Value, ClosureDetail, Version ?? Guid.Empty, ct);
        }
        catch (StaleRecordException)
        {
            Db.ChangeTracker.Clear();
            await LoadAsync(childId, cmeId, ct);
            return StalePage();
        }
        TempData["Notice"] = "Referral closed";
        return Redirect($"/children/{childId}/inclusion");
    }

    public bool Conflict { get; private set; }

    private IActionResult StalePage()
    {
        Conflict = true;
        Version = Referral.Version;
        ModelState.Remove(nameof(Version));
        ModelState.AddModelError(nameof(ClosedOn), "Someone else changed this referral while you were working on it. Check what is recorded now, then save again if it should still close");
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int id, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        var m = await Db.MissingEducations.FirstOrDefaultAsync(x => x.Id == id && x.ChildId == childId, ct);
        if (m is null) return false;
        Referral = m;
        return true;
    }
}
