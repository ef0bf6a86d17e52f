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

/// The child stops being looked after: the date and the reason the episode ceased (903 REC). The
/// child's in-care involvement closes in the same save.
public class PeriodEndModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the child stopped being looked after"), GovukDate(ErrorMessagePrefix = "Date the child stopped being looked after")]
    public DateOnly? EndDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the reason the child stopped being looked after")]
    public string? ReasonCeased { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public PeriodView Period { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public static readonly IReadOnlyList<SelectListItem> Reasons =
        [new("Select the reason", ""), .. LookedAfterCodes.ReasonEpisodeCeased.All.Where(c => c.Value != LookedAfterCodes.EpisodeContinues)
            .Select(c => new SelectListItem($"{c.Description} ({c.Value})", c.Value))];

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
            var result = await service.EndAsync(new EndPeriodOptions(periodId, Version ?? Guid.Empty, EndDate!.Value, ReasonCeased!), CurrentWorker.From(User)!, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "The child is no longer looked after";
                return Redirect($"/children/{childId}/care");
            }
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, new Dictionary<string, string> { ["ReasonCeasedCode"] = nameof(ReasonCeased), ["EndDate"] = nameof(EndDate), ["Version"] = nameof(Version) });
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
        return Period is not null;
    }
}
