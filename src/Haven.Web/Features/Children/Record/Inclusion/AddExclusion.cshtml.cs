using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education.Inclusion;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Inclusion;

public class AddExclusionModel(HavenDbContext db, InclusionService inclusion, TimeProvider clock) : InclusionPage(db, clock)
{
    [BindProperty, Required(ErrorMessage = "Select a suspension or a permanent exclusion")] public ExclusionKind? Kind { get; set; }
    [BindProperty] public string? SchoolName { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the school's phase")] public SchoolPhase? Phase { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the start date"), GovukDate(ErrorMessagePrefix = "The start date")] public DateOnly? StartDate { get; set; }
    [BindProperty] public decimal? Days { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public static readonly IReadOnlyList<SelectListItem> KindItems = [new("Suspension", nameof(ExclusionKind.Suspension)), new("Permanent exclusion", nameof(ExclusionKind.Permanent))];
    public static IEnumerable<SelectListItem> PhaseItems => Enum.GetValues<SchoolPhase>().Select(p => new SelectListItem(p.ToString(), p.ToString()));

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadHeaderAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var o = new ExclusionOptions(childId, SchoolName, Phase!.Value, Kind!.Value, StartDate!.Value, Days, Reason, SubmissionId == Guid.Empty ? null : SubmissionId);
            AddErrors(await inclusion.ValidateAsync(o, ct));
            if (ModelState.IsValid)
            {
                await inclusion.AddAsync(o, CurrentWorker.From(User), ct);
                TempData["Notice"] = Kind == ExclusionKind.Permanent ? "Permanent exclusion recorded" : "Suspension recorded";
                return Redirect($"/children/{childId}/inclusion");
            }
        }
        await LoadHeaderAsync(childId, ct);
        return Page();
    }
}
