using System.ComponentModel.DataAnnotations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Record a hearing in care proceedings and its outcome.
public class HearingAddModel(HavenDbContext db, CourtAndFamilyTimeService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the hearing"), GovukDate(ErrorMessagePrefix = "Date of the hearing")]
    public DateOnly? Date { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the kind of hearing")]
    public string? Kind { get; set; }
    [BindProperty]
    public string? Outcome { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public static IReadOnlyList<SelectListItem> Kinds =>
        [new("Select the kind of hearing", ""), .. CourtAndFamilyTimeService.HearingKinds.Select(k => new SelectListItem(k, k))];

    public async Task<IActionResult> OnGetAsync(int childId, int proceedingsId, CancellationToken ct) =>
        await LoadAsync(childId, proceedingsId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int childId, int proceedingsId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await service.AddHearingAsync(childId, proceedingsId, new HearingOptions(Date!.Value, Kind!, Outcome), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Hearing recorded";
                return Redirect($"/children/{childId}/care/court");
            }
            if (result.Errors.ContainsKey("Id")) return NotFound();
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        return await LoadAsync(childId, proceedingsId, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int childId, int proceedingsId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return await db.CareProceedings.AnyAsync(p => p.Id == proceedingsId && p.ChildId == childId, ct);
    }
}
