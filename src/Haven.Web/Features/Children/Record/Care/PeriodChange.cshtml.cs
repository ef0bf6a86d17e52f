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

/// A change in the child's care on a date: a new legal status, a new placement (new carer), or
/// both. The date may be in the past: a backdated change splits the episode it falls in and the
/// episodes after it are worked out again. The old episodes are kept, never rewritten, and a change
/// that would leave gaps or overlaps is refused with the reason.
public class PeriodChangeModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the change"), GovukDate(ErrorMessagePrefix = "Date of the change")]
    public DateOnly? Date { get; set; }
    [BindProperty]
    public string? LegalStatus { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the child moved to a new placement")]
    public string? NewPlacement { get; set; }
    [BindProperty]
    public string? ReasonPlaceChange { get; set; }
    [BindProperty]
    public string? PlacementType { get; set; }
    [BindProperty]
    public string? Provider { get; set; }
    [BindProperty]
    public string? CarerName { get; set; }
    [BindProperty]
    public string? AddressLine1 { get; set; }
    [BindProperty]
    public string? AddressLine2 { get; set; }
    [BindProperty]
    public string? Town { get; set; }
    [BindProperty]
    public string? Postcode { get; set; }
    [BindProperty]
    public string? Urn { get; set; }
    [BindProperty]
    public string? Matching { get; set; }
    [BindProperty]
    public string? CorrectionReason { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public PeriodView Period { get; private set; } = null!;
    public bool Conflict { get; private set; }
    public static readonly IReadOnlyList<SelectListItem> Reasons = CareItems.From(LookedAfterCodes.ReasonPlaceChange, "Select the reason").ToList();
    public static readonly IReadOnlyList<SelectListItem> LegalStatuses = CareItems.From(LookedAfterCodes.LegalStatus, "No change").ToList();

    public async Task<IActionResult> OnGetAsync(int childId, int periodId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, periodId, ct)) return NotFound();
        Version = Period.Period.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int periodId, CancellationToken ct)
    {
        if (NewPlacement is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(NewPlacement), "Select whether the child moved to a new placement");
        if (ModelState.IsValid)
        {
            if (!await db.PeriodsOfCare.AnyAsync(p => p.Id == periodId && p.ChildId == childId, ct)) return NotFound();
            var placement = NewPlacement == "yes"
                ? new PlacementOptions(PlacementType ?? "", Provider, CarerName ?? "", AddressLine1 ?? "", AddressLine2, Town ?? "", Postcode ?? "", Urn, Matching ?? "")
                : null;
            var result = await service.ChangeAsync(new ChangeEpisodeOptions(periodId, Version ?? Guid.Empty, Date!.Value, LegalStatus, placement,
                ReasonPlaceChange, string.IsNullOrWhiteSpace(CorrectionReason) ? null : CorrectionReason.Trim()), CurrentWorker.From(User)!, ct);
            if (result.Succeeded)
            {
                TempData["Notice"] = "Change recorded";
                return Redirect($"/children/{childId}/care");
            }
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, new Dictionary<string, string>
            {
                ["LegalStatusCode"] = nameof(LegalStatus), ["ReasonPlaceChangeCode"] = nameof(ReasonPlaceChange),
                ["NewPlacement.PlacementTypeCode"] = nameof(PlacementType), ["NewPlacement.ProviderCode"] = nameof(Provider),
                ["NewPlacement.CarerName"] = nameof(CarerName), ["NewPlacement.AddressLine1"] = nameof(AddressLine1), ["NewPlacement.Town"] = nameof(Town),
                ["NewPlacement.Postcode"] = nameof(Postcode), ["NewPlacement.Urn"] = nameof(Urn), ["NewPlacement.Matching"] = nameof(Matching),
                ["Date"] = nameof(Date), ["Version"] = nameof(Version), ["CorrectionReason"] = nameof(CorrectionReason),
            });
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
