using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Children.Record.Inclusion;

public class AddHomeEducationModel(HavenDbContext db, InclusionService inclusion, TimeProvider clock) : InclusionPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the notification"), GovukDate(ErrorMessagePrefix = "The date of the notification")]
    public DateOnly? NotifiedOn { get; set; }
    [BindProperty] public string? NotifiedBy { get; set; }
    [BindProperty] public string? PreviousSchool { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var o = new HomeEducationOptions(childId, NotifiedOn!.Value, NotifiedBy, PreviousSchool, Reason, SubmissionId == Guid.Empty ? null : SubmissionId);
            AddErrors(await inclusion.ValidateAsync(o, ct));
            if (ModelState.IsValid)
            {
                await inclusion.AddAsync(o, CurrentWorker.From(User), ct);
                TempData["Notice"] = "Added to the home education register";
                return Redirect($"/children/{childId}/inclusion");
            }
        }
        await LoadHeaderAsync(childId, ct);
        return Page();
    }
}
