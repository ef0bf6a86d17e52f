using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Exploitation;
using Haven.Core.People;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Mega;

/// Records a panel meeting and the children it considers. Children with actions still open from an
/// earlier meeting are listed again automatically.
public class NewModel(PanelService panel, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the meeting"), GovukDate(ErrorMessagePrefix = "The date of the meeting")]
    public DateOnly? HeldOn { get; set; }

    [BindProperty] public string? Chair { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public List<int> ChildIds { get; set; } = [];
    [BindProperty] public string? OtherHavenIds { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public IReadOnlyList<SelectListItem> CandidateItems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!PanelAccess.MayRecord(CurrentWorker.From(User))) return Forbid();
        SubmissionId = Guid.NewGuid();
        HeldOn = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await LoadAsync(preselect: true, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User);
        if (!PanelAccess.MayRecord(worker)) return Forbid();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var ids = new List<int>(ChildIds);
        foreach (var part in (OtherHavenIds ?? "").Split([',', ' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (HavenIds.TryParse(part, out var id)) ids.Add(id);
            else { ModelState.AddModelError(nameof(OtherHavenIds), $"'{part}' is not a Haven ID; enter IDs like H1234, separated by commas"); break; }
        }
        if (HeldOn is { } held)
            foreach (var (field, message) in PanelService.ValidateMeeting(held, Chair, Notes, today)) ModelState.AddModelError(field, message);
        if (ModelState.IsValid)
        {
            var meeting = await panel.CreateMeetingAsync(HeldOn!.Value, Chair!, Notes, ids, worker!, SubmissionId == Guid.Empty ? null : SubmissionId, ct);
            TempData["Notice"] = "Panel meeting recorded";
            return Redirect($"/mega/{meeting.Id}");
        }
        await LoadAsync(preselect: false, ct);
        return Page();
    }

    private async Task LoadAsync(bool preselect, CancellationToken ct)
    {
        var candidates = await panel.CandidatesAsync(CurrentWorker.From(User)!, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        CandidateItems = candidates.Select(c => new SelectListItem($"{c.Name}{(c.Risk is { } r ? $" ({ExploitationScreening.Describe(r).ToLowerInvariant()} risk)" : "")}: {string.Join("; ", c.Reasons)}",
            c.ChildId.ToString(), preselect || ChildIds.Contains(c.ChildId))).ToList();
    }
}
