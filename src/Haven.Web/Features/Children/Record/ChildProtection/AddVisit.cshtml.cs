using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.ChildProtection;

public class AddVisitModel(HavenDbContext db, ConferenceService conferences, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the visit")] public DateOnly? Date { get; set; }
    [BindProperty] public string? ChildSeen { get; set; }
    [BindProperty] public string? ChildSeenAlone { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public static IReadOnlyList<SelectListItem> YesNo { get; } = [new("Yes", "yes"), new("No", "no")];

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var result = await conferences.RecordVisitAsync(new RecordVisitOptions(childId, Date, YesNoValue(ChildSeen), YesNoValue(ChildSeenAlone), Notes,
            SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Child protection visit recorded";
            return Redirect($"/children/{childId}/child-protection/plans/{result.Value!.ChildProtectionPlanId}");
        }
        ConferenceAttendeesInput.AddErrors(ModelState, result.Errors);
        await LoadAsync(childId, ct);
        return Page();
    }

    internal static bool? YesNoValue(string? v) => v switch { "yes" => true, "no" => false, _ => null };

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
