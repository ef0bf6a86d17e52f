using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.DeprivationOfLiberty;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Care;

/// End or correct a deprivation of liberty order, or remove one recorded in error (with the reason).
/// Both forms carry the version read: if someone else changed the order meanwhile nothing is saved and
/// the page shows what is recorded now beside the user's own changes.
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Haven.Web.Infrastructure.Policies.RecordDeprivationOfLiberty)]
public class DeprivationOfLibertyEditModel(HavenDbContext db, DeprivationOfLibertyService service, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the date the order started"), GovukDate(ErrorMessagePrefix = "The date the order started")]
    public DateOnly? StartDate { get; set; }
    [BindProperty, GovukDate(ErrorMessagePrefix = "The date the order ended")]
    public DateOnly? EndDate { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter the court that authorised the order")]
    public string? AuthorisedBy { get; set; }
    [BindProperty]
    public string? Notes { get; set; }
    [BindProperty]
    public Guid? Version { get; set; }
    [BindProperty]
    public string? Reason { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public DeprivationOfLibertyOrder Saved { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int orderId, CancellationToken ct)
    {
        if (!await service.MayRecordAsync(CurrentWorker.From(User)!, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        if (!await LoadAsync(childId, orderId, ct)) return NotFound();
        (StartDate, EndDate, AuthorisedBy, Notes, Version) = (Saved.StartDate, Saved.EndDate, Saved.AuthorisedBy, Saved.Notes, Saved.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int orderId, CancellationToken ct)
    {
        var by = CurrentWorker.From(User)!;
        if (!await service.MayRecordAsync(by, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        ModelState.Remove(nameof(Reason));
        if (ModelState.IsValid)
        {
            var result = await service.ChangeAsync(childId, orderId, Version ?? Guid.Empty,
                new DeprivationOfLibertyInput(StartDate!.Value, EndDate, AuthorisedBy, Notes), by, ct);
            if (result.Errors.ContainsKey("Recorder")) return StatusCode(StatusCodes.Status403Forbidden);
            if (result.Errors.ContainsKey("Id")) return NotFound();
            if (result.Succeeded)
            {
                TempData["Notice"] = EndDate is null ? "Deprivation of liberty order saved" : "Deprivation of liberty order saved, ended";
                return Redirect($"/children/{childId}/care#deprivation-of-liberty");
            }
            Conflict = result.Errors.ContainsKey("Version");
            CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        }
        return await ShowAgainAsync(childId, orderId, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int childId, int orderId, CancellationToken ct)
    {
        var by = CurrentWorker.From(User)!;
        if (!await service.MayRecordAsync(by, childId, ct)) return StatusCode(StatusCodes.Status403Forbidden);
        foreach (var key in new[] { nameof(StartDate), nameof(EndDate), nameof(AuthorisedBy) }.SelectMany(k => ModelState.Keys.Where(m => m.StartsWith(k, StringComparison.Ordinal))).ToList())
            ModelState.Remove(key);
        var result = await service.RemoveAsync(childId, orderId, Version ?? Guid.Empty, Reason, by, ct);
        if (result.Errors.ContainsKey("Recorder")) return StatusCode(StatusCodes.Status403Forbidden);
        if (result.Errors.ContainsKey("Id")) return NotFound();
        if (result.Succeeded)
        {
            TempData["Notice"] = "Deprivation of liberty order removed";
            return Redirect($"/children/{childId}/care#deprivation-of-liberty");
        }
        Conflict = result.Errors.ContainsKey("Version");
        CareItems.AddErrors(ModelState, result.Errors, CareItems.SameNames);
        if (!await LoadAsync(childId, orderId, ct)) return NotFound();
        // The change form shows what is recorded; only the removal reason is the user's own.
        (StartDate, EndDate, AuthorisedBy, Notes, Version) = (Saved.StartDate, Saved.EndDate, Saved.AuthorisedBy, Saved.Notes, Saved.Version);
        return Page();
    }

    private async Task<IActionResult> ShowAgainAsync(int childId, int orderId, CancellationToken ct)
    {
        if (!await LoadAsync(childId, orderId, ct)) return NotFound();
        if (Conflict)
        {
            // The next save is from what is recorded now (the hidden field is written from the model); the
            // form still holds the user's own values, and the summary says someone else changed it.
            Version = Saved.Version;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int childId, int orderId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "care", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var saved = await db.DeprivationOfLibertyOrders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId && o.ChildId == childId, ct);
        if (saved is null) return false;
        Saved = saved;
        return true;
    }

    public static string Describe(DeprivationOfLibertyOrder o) =>
        $"from {o.StartDate:d MMMM yyyy}{(o.EndDate is { } e ? $" to {e:d MMMM yyyy}" : ", in force")}, authorised by {o.AuthorisedBy}"
        + (string.IsNullOrWhiteSpace(o.Notes) ? "" : $"; notes: {o.Notes}");
}
