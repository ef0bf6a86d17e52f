using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.DeprivationOfLiberty;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Care;

/// Record a deprivation of liberty order: the child's social worker or a team manager (anyone else 403).
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.RecordDeprivationOfLiberty)]
public class DeprivationOfLibertyAddModel(HavenDbContext db, DeprivationOfLibertyService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the order started"), GovukDate(ErrorMessagePrefix = "The date the order started")]
    public DateOnly? StartDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the order ended")]
    public DateOnly? EndDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the court that authorised the order")]
    public string? AuthorisedBy { get; set; }
    [BindProperty]
    public string? Notes { get; set; }
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await service.MayRecordAsync(CurrentWorker.From(User)!, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var by = CurrentWorker.From(User)!;
        if (!await service.MayRecordAsync(by, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        if (ModelState.IsValid)
        {
            var result = await service.AddAsync(childId, new DeprivationOfLibertyInput(StartDate!.Value, EndDate, AuthorisedBy, Notes),
                SubmissionId == Guid.Empty ? null : SubmissionId, by, ct);
            if (result.Errors.ContainsKey("Recorder")) return StatusCode(StatusCodes.Status403Forbidden);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Deprivation of liberty order recorded";
                return Redirect($"/children/{childId}/care#deprivation-of-liberty");
            }
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
