using System.ComponentModel.DataAnnotations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Record or update care proceedings: the application, the court, extensions to the 26 weeks, the
/// parallel and contingency plans, and the final order.
public class ProceedingsEditModel(HavenDbContext db, CourtAndFamilyTimeService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the application was issued"), GovukDate(ErrorMessagePrefix = "Date of the application")]
    public DateOnly? ApplicationDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the court")]
    public string? Court { get; set; }
    [BindProperty, Range(0, 52, ErrorMessage = "Extensions must be between 0 and 52 weeks in total")]
    public int? ExtensionWeeks { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the parallel plan")]
    public string? ParallelPlan { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the contingency plan")]
    public string? ContingencyPlan { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the final order")]
    public DateOnly? FinalOrderDate { get; set; }
    [BindProperty]
    public string? FinalOrder { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public CareProceedings? Saved { get; private set; }
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int? proceedingsId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, proceedingsId, ct)) return NotFound();
        if (Saved is { } s)
            (ApplicationDate, Court, ExtensionWeeks, ParallelPlan, ContingencyPlan, FinalOrderDate, FinalOrder, Version) =
                (s.ApplicationDate, s.Court, s.ExtensionWeeks, s.ParallelPlan, s.ContingencyPlan, s.FinalOrderDate, s.FinalOrder, s.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int? proceedingsId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await service.SaveCareProceedingsAsync(childId, proceedingsId, Version,
                new CareProceedingsOptions(ApplicationDate!.Value, Court!, ExtensionWeeks ?? 0, ParallelPlan, ContingencyPlan, FinalOrderDate, FinalOrder), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Care proceedings saved";
                return Redirect($"/children/{childId}/care/court");
            }
            if (result.Errors.ContainsKey("Id")) return NotFound();
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        if (!await LoadAsync(childId, proceedingsId, ct)) return NotFound();
        if (Conflict) Version = Saved?.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int? proceedingsId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (proceedingsId is null) return true;
        Saved = await db.CareProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == proceedingsId && p.ChildId == childId, ct);
        return Saved is not null;
    }
}
