using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Permanence;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Permanence;

/// Records the permanence plan set (or changed) at a looked-after review: a change adds a row, the
/// earlier plan stays. PermanenceService holds the rules, as for the API (the child record guard checks
/// access and logs the change).
public class PlanModel(HavenDbContext db, PermanenceService permanence, TimeProvider clock) : PageModel
{
    [BindProperty] public PermanencePlanType? Type { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the review")] public DateOnly? SetAtReview { get; set; }
    [BindProperty] public string? OnTrack { get; set; }
    [BindProperty] public string? Notes { get; set; }
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public static IEnumerable<SelectListItem> TypeItems =>
    [
        new("Return home to parents", nameof(PermanencePlanType.ReturnHome)), new("Kinship care (family or friends)", nameof(PermanencePlanType.Kinship)),
        new("Special guardianship", nameof(PermanencePlanType.SpecialGuardianship)), new("Long-term fostering", nameof(PermanencePlanType.LongTermFostering)),
        new("Adoption", nameof(PermanencePlanType.Adoption)), new("Other", nameof(PermanencePlanType.Other)),
    ];

    public static IEnumerable<SelectListItem> YesNo => [new("Yes", "yes"), new("No", "no")];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        if (ModelState.GetValueOrDefault(nameof(Type)) is { Errors.Count: > 0 }) { ModelState.Remove(nameof(Type)); Type = null; }
        if (Type is null) ModelState.AddModelError(nameof(Type), "Select the permanence plan");
        if (OnTrack is not ("yes" or "no")) ModelState.AddModelError(nameof(OnTrack), "Select whether the plan is on track");
        var o = new PermanencePlanOptions(Type ?? (PermanencePlanType)(-1), SetAtReview, OnTrack == "yes", Notes);
        foreach (var (field, message) in permanence.Validate(o))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        await permanence.SetPlanAsync(childId, o, CurrentWorker.From(User)?.WorkerId, ct, SubmissionId == Guid.Empty ? null : SubmissionId);
        TempData["Notice"] = "Permanence plan recorded";
        return Redirect($"/children/{childId}/permanence");
    }

    private async Task<bool> LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "permanence", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Header is not null;
    }
}
