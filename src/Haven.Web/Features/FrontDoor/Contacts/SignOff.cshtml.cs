using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Core.Referrals;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor.Contacts;

/// A manager signs off a child's threshold decision; when it goes to social care, the referral opens.
public class SignOffModel(HavenDbContext db, ChildAccess access, AccessLog log, FrontDoorService frontDoor, NeedContinuum continuum, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }

    public ContactChild Item { get; private set; } = null!;
    public string ChildName { get; private set; } = "";
    public string Level { get; private set; } = "";
    public IReadOnlyList<Referral> ReReferralHistory { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int contactId, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, itemId, ct)) return NotFound();
        Version = Item.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int contactId, int itemId, CancellationToken ct)
    {
        if (!await LoadAsync(contactId, itemId, ct)) return NotFound();
        try
        {
            var referral = await frontDoor.SignOffAsync(itemId, Version, CurrentWorker.From(User)!, ct);
            await FrontDoorPages.LogChangeAsync(db, log, HttpContext, contactId, ct);
            TempData["Notice"] = referral is null ? $"Decision signed off for {ChildName}"
                : $"Decision signed off for {ChildName}: referral opened{(referral.IsReReferral ? " (a re-referral)" : "")} and the assessment started";
            return Redirect($"/front-door/contacts/{contactId}");
        }
        catch (FrontDoorRuleException e)
        {
            ModelState.AddModelError(string.Empty, e.Message);
        }
        catch (FrontDoorConflictException e)
        {
            await LoadAsync(contactId, itemId, ct);
            Version = Item.Version;
            ModelState.Remove(nameof(Version));
            ModelState.AddModelError(string.Empty, e.Message);
        }
        return Page();
    }

    private async Task<bool> LoadAsync(int contactId, int itemId, CancellationToken ct)
    {
        var item = await db.ContactChildren.AsNoTracking().Include(c => c.Child).Include(c => c.Contact).Include(c => c.DecidedBy)
            .FirstOrDefaultAsync(c => c.Id == itemId && c.ContactId == contactId, ct);
        if (item is null || !await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return false;
        Item = item;
        ChildName = FrontDoorPages.Name(item.Child);
        Level = continuum.Describe(item.LevelOfNeed);
        var received = DecisionTimeliness.LocalDate(item.Contact.ReceivedAt, clock.LocalTimeZone);
        var previous = await db.Referrals.AsNoTracking().Where(r => r.ChildId == item.ChildId && r.Id != item.ReferralId).ToListAsync(ct);
        ReReferralHistory = previous.Where(r => Referral.IsWithinTwelveMonths(r.ReferralDate, received)).OrderByDescending(r => r.ReferralDate).ToList();
        return true;
    }
}
