using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// An IRO's visit to the child between reviews. Recorded by the child's IRO (as their own visit),
/// a team manager or the child's social worker (who choose the IRO); anyone else gets 403.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.RecordIroVisits)]
public class IroVisitAddModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the visit"), GovukDate(ErrorMessagePrefix = "Date of the visit")]
    public DateOnly? VisitDate { get; set; }
    [BindProperty]
    public int? IroWorkerId { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the IRO saw the child alone")]
    public string? SeenAlone { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter why the IRO saw the child")]
    public string? Purpose { get; set; }
    [BindProperty]
    public string? Notes { get; set; }
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    /// The IROs to choose from; empty when an IRO records their own visit.
    public IReadOnlyList<SelectListItem> Iros { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await service.MayRecordIroVisitAsync(CurrentWorker.From(User)!, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        IroWorkerId = await service.IroAllocatedOnAsync(childId, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var by = CurrentWorker.From(User)!;
        if (!await service.MayRecordIroVisitAsync(by, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        if (SeenAlone is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(SeenAlone), "Select whether the IRO saw the child alone");
        // No IRO chosen: the service takes the IRO allocated on the visit date, or says to select one.
        if (!ModelState.IsValid) { await LoadAsync(childId, ct); return Page(); }
        var result = await service.RecordIroVisitAsync(new RecordIroVisitOptions(childId, VisitDate!.Value, by.Role == HavenRole.Iro ? by.WorkerId : IroWorkerId,
            SeenAlone == "yes", Purpose!, Notes, SubmissionId == Guid.Empty ? null : SubmissionId), by, ct);
        if (result.Errors.ContainsKey("Recorder")) return StatusCode(StatusCodes.Status403Forbidden);
        if (!result.Succeeded)
        {
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "IRO visit recorded";
        return Redirect($"/children/{childId}/care#iro-visits");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (CurrentWorker.From(User)!.Role == HavenRole.Iro) return;
        var iros = await db.Workers.AsNoTracking().Where(w => w.IsActive && w.Role == HavenRole.Iro).OrderBy(w => w.DisplayName)
            .Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct);
        Iros = [new SelectListItem("Select the IRO", ""), .. iros.Select(m => new SelectListItem(m.DisplayName, m.Id.ToString()))];
    }
}
