using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Correct the date an episode started. The episodes as they were are kept with the reason; a date
/// that would leave a gap or an overlap is refused with the reason.
public class PeriodCorrectModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select the episode to correct")]
    public int? EpisodeNumber { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the date the episode really started"), GovukDate(ErrorMessagePrefix = "Date the episode started")]
    public DateOnly? NewStartDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the reason for the correction")]
    public string? Reason { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public PeriodView Period { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public IReadOnlyList<SelectListItem> Episodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, int periodId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, periodId, ct)) return NotFound();
        Version = Period.Period.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int periodId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            if (!await db.PeriodsOfCare.AnyAsync(p => p.Id == periodId && p.ChildId == childId, ct)) return NotFound();
            var result = await service.CorrectStartAsync(new CorrectEpisodeStartOptions(periodId, Version ?? Guid.Empty, EpisodeNumber!.Value, NewStartDate!.Value, Reason!),
                CurrentWorker.From(User)!, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Correction recorded; the episodes as they were are kept";
                return Redirect($"/children/{childId}/care");
            }
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        if (!await LoadAsync(childId, periodId, ct)) return NotFound();
        if (Conflict) Version = Period.Period.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int periodId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var record = await LookedAfterRecord.LoadAsync(db, childId, ct);
        Period = record.Periods.FirstOrDefault(p => p.Period.Id == periodId)!;
        if (Period is null) return false;
        Episodes = [new("Select the episode", ""), .. Period.Episodes.Select((e, i) => (e, i)).Skip(1)
            .Select(x => new SelectListItem($"Episode {x.i + 1}, from {x.e.StartDate:d MMMM yyyy}", (x.i + 1).ToString()))];
        return true;
    }
}
