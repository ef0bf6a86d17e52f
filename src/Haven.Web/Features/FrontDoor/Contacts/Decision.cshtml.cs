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

/// The threshold decision for one child on a contact, by a qualified social worker.
public class DecisionModel(HavenDbContext db, ChildAccess access, AccessLog log, FrontDoorService frontDoor, NeedContinuum continuum) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Select the level of need")]
    public string? LevelOfNeed { get; set; }

    [BindProperty, Required(ErrorMessage = "Select the outcome")]
    public ContactOutcome? Outcome { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter the rationale for the decision"), StringLength(FrontDoorService.MaxText, ErrorMessage = "The rationale must be 20,000 characters or fewer")]
    public string? Rationale { get; set; }

    [BindProperty] public Guid Version { get; set; }

    public string ChildName { get; private set; } = "";
    public int ContactId { get; private set; }
    /// Someone else's decision, when a save lost a race.
    public string? TheirDecision { get; private set; }

    public IEnumerable<SelectListItem> LevelItems => continuum.Levels.Select(l => new SelectListItem(l.Name, l.Code));
    public static IEnumerable<SelectListItem> OutcomeItems => Enum.GetValues<ContactOutcome>().Select(o => new SelectListItem(ContactChild.Describe(o), o.ToString()));

    public async Task<IActionResult> OnGetAsync(int contactId, int itemId, CancellationToken ct)
    {
        var item = await LoadAsync(contactId, itemId, ct);
        if (item is null) return NotFound();
        LevelOfNeed = item.LevelOfNeed; Outcome = item.Outcome; Rationale = item.Rationale; Version = item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int contactId, int itemId, CancellationToken ct)
    {
        var item = await LoadAsync(contactId, itemId, ct);
        if (item is null) return NotFound();
        if (LevelOfNeed is not null && continuum.Find(LevelOfNeed) is null) ModelState.AddModelError(nameof(LevelOfNeed), "Select the level of need");
        if (!ModelState.IsValid) return Page();
        try
        {
            await frontDoor.DecideAsync(new DecideOptions(itemId, Version, LevelOfNeed!, Outcome!.Value, Rationale!), CurrentWorker.From(User)!, ct);
        }
        catch (FrontDoorRuleException e)
        {
            ModelState.AddModelError(e.Field is nameof(LevelOfNeed) or nameof(Rationale) ? e.Field : nameof(Outcome), e.Message);
            return Page();
        }
        catch (FrontDoorConflictException e)
        {
            var theirs = await db.ContactChildren.AsNoTracking().Include(c => c.DecidedBy).FirstAsync(c => c.Id == itemId, ct);
            TheirDecision = theirs.Outcome is { } o
                ? $"{theirs.DecidedBy?.DisplayName} recorded: {continuum.Describe(theirs.LevelOfNeed)}; {ContactChild.Describe(o)}. Rationale: {theirs.Rationale}"
                : "The decision was changed by someone else.";
            Version = theirs.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, e.Message + " Your answers are still below; save again to replace theirs with yours.");
            return Page();
        }
        await FrontDoorPages.LogChangeAsync(db, log, HttpContext, contactId, ct);
        TempData["Notice"] = $"Decision recorded for {ChildName}: it now needs a manager's sign-off";
        return Redirect($"/front-door/contacts/{contactId}");
    }

    private async Task<ContactChild?> LoadAsync(int contactId, int itemId, CancellationToken ct)
    {
        var item = await db.ContactChildren.AsNoTracking().Include(c => c.Child).FirstOrDefaultAsync(c => c.Id == itemId && c.ContactId == contactId, ct);
        if (item is null || !await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return null;
        ChildName = FrontDoorPages.Name(item.Child);
        ContactId = contactId;
        return item;
    }
}
