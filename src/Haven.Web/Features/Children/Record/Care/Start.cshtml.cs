using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Haven.Core.Workforce;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// Coming into care: the decision to look after the child (who authorised it and why), the legal
/// status, category of need and UASC status, and the first placement, saved together.
public class StartModel(HavenDbContext db, LookedAfterService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date of the decision"), GovukDate(ErrorMessagePrefix = "Date of the decision")]
    public DateOnly? DecisionDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the manager who authorised the decision")]
    public int? AuthorisedByWorkerId { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the reason for the decision to look after the child")]
    public string? DecisionReason { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the date the child became looked after"), GovukDate(ErrorMessagePrefix = "Date the child became looked after")]
    public DateOnly? StartDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the legal status")]
    public string? LegalStatus { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the category of need")]
    public string? CategoryOfNeed { get; set; }
    [BindProperty, Required(ErrorMessage = "Select whether the child is an unaccompanied asylum-seeking child")]
    public string? Unaccompanied { get; set; }
    [BindProperty]
    public string? HomePostcode { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the order the child had before this period of care, or none")]
    public string? PreviousPermanence { get; set; }
    [BindProperty]
    public string? PreviousPermanenceLa { get; set; }
    [BindProperty]
    public string? PreviousPermanenceDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Select the placement type")]
    public string? PlacementType { get; set; }
    [BindProperty]
    public string? Provider { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the carer or the name of the home")]
    public string? CarerName { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the first line of the address")]
    public string? AddressLine1 { get; set; }
    [BindProperty]
    public string? AddressLine2 { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the town")]
    public string? Town { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter a full postcode, like HB1 2AB")]
    public string? Postcode { get; set; }
    [BindProperty]
    public string? Urn { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter why this placement meets the child's needs")]
    public string? Matching { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<SelectListItem> Managers { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (Unaccompanied is not null and not ("yes" or "no")) ModelState.AddModelError(nameof(Unaccompanied), "Select whether the child is an unaccompanied asylum-seeking child");
        if (!ModelState.IsValid) return await RedisplayAsync(childId, ct);
        var result = await service.StartAsync(new StartPeriodOptions(childId, DecisionDate!.Value, AuthorisedByWorkerId!.Value, DecisionReason!, StartDate!.Value,
            LegalStatus!, CategoryOfNeed!, Unaccompanied == "yes", HomePostcode,
            new PlacementOptions(PlacementType!, Provider, CarerName!, AddressLine1!, AddressLine2, Town!, Postcode!, Urn, Matching!),
            new PreviousPermanenceOptions(PreviousPermanence!, PreviousPermanenceLa, PreviousPermanenceDate)), CurrentWorker.From(User)!, ct);
        if (!result.Succeeded)
        {
            CareItems.AddErrors(ModelState, result.Errors, new Dictionary<string, string>
            {
                ["LegalStatusCode"] = nameof(LegalStatus), ["CategoryOfNeedCode"] = nameof(CategoryOfNeed), ["Placement.PlacementTypeCode"] = nameof(PlacementType),
                ["Placement.ProviderCode"] = nameof(Provider), [PreviousPermanenceOptions.CodeField] = nameof(PreviousPermanence),
                [PreviousPermanenceOptions.LaField] = nameof(PreviousPermanenceLa), [PreviousPermanenceOptions.DateField] = nameof(PreviousPermanenceDate),
            });
            return await RedisplayAsync(childId, ct);
        }
        TempData["Notice"] = "Decision to look after recorded";
        return Redirect($"/children/{childId}/care");
    }

    private async Task<IActionResult> RedisplayAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var managers = await db.Workers.AsNoTracking().Where(w => w.IsActive && (w.Role == HavenRole.TeamManager || w.Role == HavenRole.SeniorLeader))
            .OrderBy(w => w.DisplayName).Select(w => new { w.Id, w.DisplayName }).ToListAsync(ct);
        Managers = [new SelectListItem("Select a manager", ""), .. managers.Select(m => new SelectListItem(m.DisplayName, m.Id.ToString()))];
    }
}
