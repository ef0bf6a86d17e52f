using System.ComponentModel.DataAnnotations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Record one session of time with family and how it went.
public class SessionAddModel(HavenDbContext db, CourtAndFamilyTimeService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the session"), GovukDate(ErrorMessagePrefix = "Date of the session")]
    public DateOnly? Date { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the session took place")]
    public string? TookPlace { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter how the time together went")]
    public string? HowItWent { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public ContactArrangement Arrangement { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, int arrangementId, CancellationToken ct) =>
        await LoadAsync(childId, arrangementId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int childId, int arrangementId, CancellationToken ct)
    {
        if (TookPlace is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(TookPlace), "Select whether the session took place");
        if (ModelState.IsValid)
        {
            var result = await service.AddSessionAsync(childId, arrangementId, new ContactSessionOptions(Date!.Value, TookPlace == "yes", HowItWent), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Session recorded";
                return Redirect($"/children/{childId}/care/family-time");
            }
            if (result.Errors.ContainsKey("Id")) return NotFound();
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        return await LoadAsync(childId, arrangementId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int childId, int arrangementId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var a = await db.ContactArrangements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == arrangementId && x.ChildId == childId, ct);
        if (a is null) return false;
        Arrangement = a;
        return true;
    }
}
