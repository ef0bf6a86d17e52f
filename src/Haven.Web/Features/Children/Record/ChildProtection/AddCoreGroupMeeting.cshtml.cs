using Haven.Core.Access;
using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.ChildProtection;

public class AddCoreGroupMeetingModel(HavenDbContext db, ConferenceService conferences, TimeProvider clock) : PageModel
{
    [BindProperty, GovukDate(ErrorMessagePrefix = "Date of the core group meeting")] public DateOnly? Date { get; set; }
    [BindProperty] public string? Attendees { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var result = await conferences.RecordCoreGroupMeetingAsync(new RecordCoreGroupMeetingOptions(childId, Date, Attendees, Notes,
            SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        if (result.Succeeded)
        {
            TempData["Notice"] = "Core group meeting recorded";
            return Redirect($"/children/{childId}/child-protection/plans/{result.Value!.ChildProtectionPlanId}");
        }
        ConferenceAttendeesInput.AddErrors(ModelState, result.Errors);
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
}
