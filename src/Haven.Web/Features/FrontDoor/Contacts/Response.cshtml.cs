using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor.Contacts;

/// Record a partner agency's answer to a MASH check.
public class ResponseModel(HavenDbContext db, ChildAccess access, AccessLog log, FrontDoorService frontDoor) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the agency's response"), StringLength(FrontDoorService.MaxText, ErrorMessage = "The response must be 20,000 characters or fewer")]
    public string? AgencyResponse { get; set; }
    [BindProperty] public Guid Version { get; set; }
    public MashCheck Check { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int contactId, int checkId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, checkId, ct)) return NotFound();
        Version = Check.Version;
        AgencyResponse = Check.Response;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int contactId, int checkId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, checkId, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            await frontDoor.RecordResponseAsync(checkId, Version, AgencyResponse!, CurrentWorker.From(User)!, ct);
        }
        catch (FrontDoorRuleException e) { ModelState.AddModelError(nameof(AgencyResponse), e.Message); return Page(); }
        catch (FrontDoorConflictException e)
        {
            await LoadAsync(contactId, checkId, ct);
            ModelState.AddModelError(nameof(AgencyResponse), e.Message + (Check.Response is null ? "" : " Their response: " + Check.Response));
            return Page();
        }
        await FrontDoorPages.LogChangeAsync(db, log, HttpContext, contactId, ct);
        TempData["Notice"] = $"Response from {MashCheck.Describe(Check.Agency)} recorded";
        return Redirect($"/front-door/contacts/{contactId}");
    }

    private async Task<bool> LoadAsync(int contactId, int checkId, CancellationToken ct)
    {
        var check = await db.MashChecks.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkId && c.ContactId == contactId, ct);
        if (check is null || !await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return false;
        Check = check;
        return true;
    }
}
