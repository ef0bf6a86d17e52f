using System.ComponentModel.DataAnnotations;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Record or update pre-proceedings: the letter before proceedings, the meeting, the date the
/// parents' progress is due and how they are getting on, and how pre-proceedings ended.
public class PreProceedingsEditModel(HavenDbContext db, CourtAndFamilyTimeService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the decision to use pre-proceedings"), GovukDate(ErrorMessagePrefix = "Date of the decision")]
    public DateOnly? DecisionDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the letter before proceedings")]
    public DateOnly? LetterBeforeProceedingsDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the meeting")]
    public DateOnly? MeetingDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date the parents' progress is due")]
    public DateOnly? ProgressDueDate { get; set; }
    [BindProperty]
    public string? ParentsProgress { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date pre-proceedings ended")]
    public DateOnly? EndDate { get; set; }
    [BindProperty]
    public string? Outcome { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public PreProceedings? Saved { get; private set; }
    public bool Conflict { get; private set; }
    public static IReadOnlyList<SelectListItem> Outcomes =>
        [new("Still open", ""), .. CourtAndFamilyTimeService.PreProceedingsOutcomes.Select(o => new SelectListItem(o, o))];

    public async Task<IActionResult> OnGetAsync(int childId, int? preId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, preId, ct)) return NotFound();
        if (Saved is { } s)
        {
            (DecisionDate, LetterBeforeProceedingsDate, MeetingDate, ProgressDueDate, ParentsProgress, EndDate, Outcome, Version) =
                (s.DecisionDate, s.LetterBeforeProceedingsDate, s.MeetingDate, s.ProgressDueDate, s.ParentsProgress, s.EndDate, s.Outcome, s.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int? preId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await service.SavePreProceedingsAsync(childId, preId, Version,
                new PreProceedingsOptions(DecisionDate!.Value, LetterBeforeProceedingsDate, MeetingDate, ProgressDueDate, ParentsProgress, EndDate, Outcome), ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Pre-proceedings saved";
                return Redirect($"/children/{childId}/care/court");
            }
            if (result.Errors.ContainsKey("Id")) return NotFound();
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        if (!await LoadAsync(childId, preId, ct)) return NotFound();
        if (Conflict) Version = Saved?.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int? preId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        if (preId is null) return true;
        Saved = await db.PreProceedings.AsNoTracking().FirstOrDefaultAsync(p => p.Id == preId && p.ChildId == childId, ct);
        return Saved is not null;
    }
}
