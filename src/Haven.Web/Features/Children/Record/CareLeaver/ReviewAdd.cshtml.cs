using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// Records a pathway plan review; it answers any significant-change prompt dated on or before it.
public class ReviewAddModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the review"), GovukDate(ErrorMessagePrefix = "Date of the review")]
    public DateOnly? ReviewDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter what the review found and what changed in the plan")]
    public string? Summary { get; set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadHeaderAsync(childId, ct); return Page(); }
        var result = await service.RecordReviewAsync(new PathwayReviewOptions(childId, ReviewDate!.Value, Summary, Submission), CurrentWorker.From(User)!, ct);
        return await DoneOrRedisplayAsync(childId, result, "Pathway plan review recorded", ct);
    }
}
