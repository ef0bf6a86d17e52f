using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// A contact with the young person (by the personal adviser or another worker).
public class ContactAddModel(HavenDbContext db, CareLeaverService service, TimeProvider clock) : CareLeaverPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the contact"), GovukDate(ErrorMessagePrefix = "Date of the contact")]
    public DateOnly? ContactDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select how you were in contact")]
    public ContactMethod? Method { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter a summary of the contact")]
    public string? Summary { get; set; }

    public static readonly IReadOnlyList<SelectListItem> Methods = Options<ContactMethod>(CareLeaverContact.Describe);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!ModelState.IsValid) { await LoadHeaderAsync(childId, ct); return Page(); }
        var result = await service.RecordContactAsync(new ContactOptions(childId, ContactDate!.Value, Method, Summary, Submission), CurrentWorker.From(User)!, ct);
        return await DoneOrRedisplayAsync(childId, result, "Contact recorded", ct);
    }
}
