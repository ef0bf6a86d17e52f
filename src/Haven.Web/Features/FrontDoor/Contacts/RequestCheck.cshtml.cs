using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor.Contacts;

/// Ask a partner agency what it knows, with a RAG rating that sets when the answer is due.
public class RequestCheckModel(HavenDbContext db, ChildAccess access, AccessLog log, FrontDoorService frontDoor, TimeProvider clock) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select the partner agency")] public PartnerAgency? Agency { get; set; }
    [BindProperty] public string? AgencyName { get; set; }
    [BindProperty, Required(ErrorMessage = "Select a RAG rating")] public Rag? Rag { get; set; }
    [BindProperty, Required(ErrorMessage = "Enter what you are asking the agency")] public string? Question { get; set; }
    [BindProperty] public Guid ContactVersion { get; set; }
    public int ContactId { get; private set; }
    /// On a conflict: the checks already requested on the contact (someone else's among them).
    public IReadOnlyList<MashCheck>? Sent { get; private set; }

    public static IEnumerable<SelectListItem> AgencyItems => Enum.GetValues<PartnerAgency>().Select(a => new SelectListItem(MashCheck.Describe(a), a.ToString()));
    public static IEnumerable<SelectListItem> RagItems =>
    [
        new("Red: answer within 4 hours", nameof(Haven.Core.FrontDoor.Rag.Red)),
        new("Amber: answer within 24 hours", nameof(Haven.Core.FrontDoor.Rag.Amber)),
        new("Green: answer within 72 hours", nameof(Haven.Core.FrontDoor.Rag.Green)),
    ];

    public async Task<IActionResult> OnGetAsync(int contactId, CancellationToken ct)
    {
        if (!await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return NotFound();
        ContactId = contactId;
        ContactVersion = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Version).FirstAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int contactId, CancellationToken ct)
    {
        if (!await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return NotFound();
        ContactId = contactId;
        if (!ModelState.IsValid) return Page();
        var options = new RequestCheckOptions(contactId, ContactVersion, Agency!.Value, AgencyName, Rag!.Value, Question!, null);
        foreach (var (field, message) in FrontDoorService.Validate(options, clock.GetUtcNow().UtcDateTime)) ModelState.AddModelError(field, message);
        if (!ModelState.IsValid) return Page();
        try
        {
            await frontDoor.RequestCheckAsync(options, CurrentWorker.From(User)!, ct);
        }
        catch (FrontDoorRuleException e) { ModelState.AddModelError(nameof(Agency), e.Message); return Page(); }
        catch (FrontDoorConflictException e)
        {
            ContactVersion = await db.Contacts.Where(c => c.Id == contactId).Select(c => c.Version).FirstAsync(ct);
            ModelState.Remove(nameof(ContactVersion));
            // Theirs beside yours: the requests now on the contact, so a duplicate is easy to see.
            Sent = await db.MashChecks.AsNoTracking().Where(c => c.ContactId == contactId).OrderBy(c => c.RequestedAt).ToListAsync(ct);
            ModelState.AddModelError(string.Empty, e.Message + $" See the contact (opens in a new tab) before sending this request again.");
            return Page();
        }
        await FrontDoorPages.LogChangeAsync(db, log, HttpContext, contactId, ct);
        TempData["Notice"] = $"Request sent to {(Agency == PartnerAgency.Other ? AgencyName : MashCheck.Describe(Agency!.Value))}";
        return Redirect($"/front-door/contacts/{contactId}");
    }
}
