using System.ComponentModel.DataAnnotations;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Children.Record.CareLeaver;

public class StayingPutAddModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the former foster carers' names")]
    public string? CarerName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the start date"), GovukDate(ErrorMessagePrefix = "Start date")]
    public DateOnly? StartDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "End date")]
    public DateOnly? EndDate { get; set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadHeaderAsync(childId, ct); return Page(); }
        var result = await service.AddStayingPutAsync(new StayingPutOptions(childId, CarerName, StartDate!.Value, EndDate, Submission), ct);
        return await DoneOrRedisplayAsync(childId, result, "Staying put arrangement recorded", ct);
    }
}
