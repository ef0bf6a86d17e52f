using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Fostering;
using Haven.Web.Features.Fostering;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Haven.Web.Features.Children.Record.Permanence;

/// Records a special guardianship order for the child, with the support plan agreed with the
/// guardians and the kinds of support it sets up (the child record guard checks access and logs the change).
public class SpecialGuardianshipAddModel(HavenDbContext db, FosteringService fostering, TimeProvider clock) : PageModel
{
    [BindProperty] public string? GuardianNames { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date of the order")] public DateOnly? OrderDate { get; set; }
    [BindProperty] public string? SupportPlan { get; set; }
    [BindProperty] public List<string> AgreedSupport { get; set; } = [];
    [BindProperty] public Guid SubmissionId { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    public static IEnumerable<SelectListItem> SupportItems => SupportFormModel.KindItems;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, ct)) return NotFound();
        var kinds = new List<SupportKind>();
        foreach (var k in AgreedSupport)
            if (Enum.TryParse<SupportKind>(k, out var kind) && Enum.IsDefined(kind) && !int.TryParse(k, out _)) kinds.Add(kind);
            else ModelState.AddModelError(nameof(AgreedSupport), "Select the support agreed from the list");
        var o = new SpecialGuardianshipOptions(GuardianNames, OrderDate, SupportPlan, kinds);
        FosteringWrite<SpecialGuardianship>? result = null;
        if (ModelState.IsValid)
        {
            result = await fostering.AddSpecialGuardianshipAsync(childId, o, CurrentWorker.From(User)?.WorkerId, SubmissionId == Guid.Empty ? null : SubmissionId, ct);
            if (result.NotFound) return NotFound();
        }
        foreach (var (field, message) in result?.Errors ?? fostering.Validate(o))
            if (ModelState.GetValueOrDefault(field) is not { Errors.Count: > 0 }) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        TempData["Notice"] = "Special guardianship order recorded";
        return Redirect($"/children/{childId}/permanence#guardian-support-{result!.Value!.Id}");
    }

    private async Task<bool> LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "permanence", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Header is not null;
    }
}
