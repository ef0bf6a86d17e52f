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

/// Corrects an IRO visit with the rules of recording one (LookedAfterService.CorrectIroVisitAsync):
/// the corrected visit is added and the earlier one kept, marked "Corrected: reason". Someone else's
/// correction in between is refused: the visit now recorded is shown and this form keeps its values.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.RecordIroVisits)]
public class IroVisitCorrectModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
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
    [BindProperty, Required(ErrorMessage = "Enter why you are correcting this visit")]
    public string? Reason { get; set; }
    [BindProperty]
    public Guid Version { get; set; }
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Iros { get; private set; } = [];
    /// The visit as recorded now, when someone else corrected it after this form was opened.
    public IroVisit? Theirs { get; private set; }
    public int VisitId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int visitId, CancellationToken ct)
    {
        VisitId = visitId;
        if (!await service.MayRecordIroVisitAsync(CurrentWorker.From(User)!, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        var visit = await db.IroVisits.AsNoTracking().FirstOrDefaultAsync(v => v.Id == visitId && v.ChildId == childId, ct);
        if (visit is null) return NotFound();
        (VisitDate, IroWorkerId, SeenAlone, Purpose, Notes, Version) = (visit.VisitDate, visit.IroWorkerId, visit.SeenAlone ? "yes" : "no", visit.Purpose, visit.Summary, visit.Version);
        SubmissionId = Guid.NewGuid();
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int visitId, CancellationToken ct)
    {
        VisitId = visitId;
        var by = CurrentWorker.From(User)!;
        if (!await service.MayRecordIroVisitAsync(by, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await db.IroVisits.IgnoreQueryFilters().AnyAsync(v => v.Id == visitId && v.ChildId == childId, ct)) return NotFound();
        if (SeenAlone is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(SeenAlone), "Select whether the IRO saw the child alone");
        if (!ModelState.IsValid) { await LoadAsync(childId, ct); return Page(); }
        var result = await service.CorrectIroVisitAsync(visitId, Version, Reason, new RecordIroVisitOptions(childId, VisitDate!.Value,
            by.Role == HavenRole.Iro ? by.WorkerId : IroWorkerId, SeenAlone == "yes", Purpose!, Notes, SubmissionId == Guid.Empty ? null : SubmissionId), by, ct);
        if (result.Errors.ContainsKey("Recorder")) return StatusCode(StatusCodes.Status403Forbidden);
        if (result.Errors.TryGetValue("Version", out var conflict))
        {
            // Someone else corrected it first: show the visit now recorded; this writer's values stay in the form.
            Theirs = await service.IroVisitNowAsync(childId, visitId, ct);
            ModelState.AddModelError(nameof(Purpose), conflict);
            await LoadAsync(childId, ct);
            return Page();
        }
        if (!result.Succeeded)
        {
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "IRO visit corrected; the earlier version is kept";
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
