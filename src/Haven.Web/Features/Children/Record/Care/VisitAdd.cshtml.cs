using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Care;

public class VisitAddModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the visit"), GovukDate(ErrorMessagePrefix = "Date of the visit")]
    public DateOnly? VisitDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the child was seen")]
    public string? ChildSeen { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter what happened on the visit")]
    public string? Summary { get; set; }
    [BindProperty]
    public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public static readonly IReadOnlyList<SelectListItem> SeenItems =
        [new("Yes, and seen alone", "alone"), new("Yes, with others present", "seen"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ChildSeen is not null and not ("alone" or "seen" or "no")) ModelState.AddModelError(nameof(ChildSeen), "Select whether the child was seen");
        if (!ModelState.IsValid) { await LoadAsync(childId, ct); return Page(); }
        var result = await service.RecordVisitAsync(new RecordVisitOptions(childId, VisitDate!.Value, ChildSeen is "alone" or "seen", ChildSeen == "alone", Summary!,
            SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        if (!result.Succeeded)
        {
            CareItems.AddErrors(ModelState, result.Errors, new Dictionary<string, string> { ["SeenAlone"] = nameof(ChildSeen) });
            await LoadAsync(childId, ct);
            return Page();
        }
        TempData["Notice"] = "Statutory visit recorded";
        return Redirect($"/children/{childId}/care");
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
