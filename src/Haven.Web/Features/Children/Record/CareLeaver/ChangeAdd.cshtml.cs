using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// Records a significant change (custody, a move, becoming a parent); saving it prompts a pathway
/// plan review, shown on My work and on the young person's leaving-care tab.
public class ChangeAddModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty]
    public SignificantChangeKind? Kind { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the date of the change"), GovukDate(ErrorMessagePrefix = "Date of the change")]
    public DateOnly? EventDate { get; set; }
    [BindProperty]
    public string? Details { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Kinds = Options<SignificantChangeKind>(SignificantChange.Describe);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            if (Kind is null) ModelState.AddModelError(nameof(Kind), "Select what changed");
            await LoadHeaderAsync(childId, ct);
            return Page();
        }
        var result = await service.RecordChangeAsync(new SignificantChangeOptions(childId, Kind, EventDate!.Value, Details, Submission), CurrentWorker.From(User)!, ct);
        return await DoneOrRedisplayAsync(childId, result, "Significant change recorded: the pathway plan review is now due", ct);
    }
}
