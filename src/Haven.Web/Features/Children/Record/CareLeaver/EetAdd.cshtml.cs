using System.ComponentModel.DataAnnotations;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// The young person discussed at the fortnightly EET panel: options, action (owner, due), outcome.
public class EetAddModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the panel"), GovukDate(ErrorMessagePrefix = "Date of the panel")]
    public DateOnly? PanelDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the options the panel considered")]
    public string? OptionsConsidered { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the action agreed")]
    public string? Action { get; set; }
    [BindProperty, Required(ErrorMessage = "Select who owns the action")]
    public int? ActionOwnerWorkerId { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter when the action is due"), GovukDate(ErrorMessagePrefix = "Action due date")]
    public DateOnly? ActionDue { get; set; }
    [BindProperty] public string? Outcome { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "Outcome date")]
    public DateOnly? OutcomeDate { get; set; }

    public IReadOnlyList<SelectListItem> Owners { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadAsync(childId, ct); return Page(); }
        var result = await service.AddEetDiscussionAsync(new EetDiscussionOptions(childId, PanelDate!.Value, OptionsConsidered, Action,
            ActionOwnerWorkerId!.Value, ActionDue!.Value, Outcome, OutcomeDate, Submission), ct);
        if (!result.Succeeded) await LoadAsync(childId, ct);
        return await DoneOrRedisplayAsync(childId, result, "EET panel discussion recorded", ct);
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        Owners = new[] { new SelectListItem("Select who owns the action", "") }.Concat(
            (await Db.Workers.AsNoTracking().Where(w => w.Role == HavenRole.PersonalAdviser || w.Role == HavenRole.SocialWorker || w.Role == HavenRole.TeamManager)
                .OrderBy(w => w.DisplayName).Select(w => new { w.Id, w.DisplayName }).Take(500).ToListAsync(ct))
            .Select(w => new SelectListItem(w.DisplayName, w.Id.ToString()))).ToList();
    }
}
