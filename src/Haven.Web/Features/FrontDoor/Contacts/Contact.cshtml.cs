using Haven.Core.Access;
using Haven.Core.Codes;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Core.Referrals;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor.Contacts;

/// One contact: what was said, the MASH checks and partners' responses, and each child's decision
/// with its timeliness against the 1-working-day rule.
public class ContactModel(HavenDbContext db, ChildAccess access, AccessLog log, NeedContinuum continuum, TimeProvider clock) : PageModel
{
    public sealed record ChildRow(int ItemId, int ChildId, string Name, string HavenId, string? Level, ContactOutcome? Outcome, string? Rationale,
        string? DecidedBy, DateTime? DecidedAt, string? SignedOffBy, DateTime? SignedOffAt, Referral? Referral, DecisionTimeliness Timeliness,
        IReadOnlyList<Referral> PreviousReferrals);

    public Contact Contact { get; private set; } = null!;
    public string Source { get; private set; } = "";
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public DateTime Now { get; private set; }
    public NeedContinuum Continuum => continuum;

    public async Task<IActionResult> OnGetAsync(int contactId, CancellationToken ct)
    {
        if (!await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId, ct)) return NotFound();
        Now = clock.GetUtcNow().UtcDateTime;
        Contact = await db.Contacts.AsNoTracking().Include(c => c.RecordedBy).Include(c => c.Handover).ThenInclude(h => h!.AcknowledgedBy)
            .Include(c => c.Checks.OrderBy(k => k.RequestedAt)).ThenInclude(k => k.RequestedBy)
            // Split: in one statement the checks with their workers were a LEFT JOIN to a
            // join, which SQLite reads whole: every MASH check, 255 ms a view at 50,000 children.
            .AsSplitQuery().FirstAsync(c => c.Id == contactId, ct);
        Source = CodeLists.ReferralSource.Describe(Contact.SourceCode) ?? Contact.SourceCode;
        var items = await db.ContactChildren.AsNoTracking().Where(c => c.ContactId == contactId)
            .Include(c => c.Child).Include(c => c.DecidedBy).Include(c => c.SignedOffBy).Include(c => c.Referral).OrderBy(c => c.Id).ToListAsync(ct);
        var childIds = items.Select(i => i.ChildId).ToList();
        var referrals = await db.Referrals.AsNoTracking().Where(r => childIds.Contains(r.ChildId)).OrderByDescending(r => r.ReferralDate).ToListAsync(ct);
        var received = DecisionTimeliness.LocalDate(Contact.ReceivedAt, clock.LocalTimeZone);
        Children = items.Select(i => new ChildRow(i.Id, i.ChildId, FrontDoorPages.Name(i.Child), i.Child.HavenId, i.LevelOfNeed is null ? null : continuum.Describe(i.LevelOfNeed),
            i.Outcome, i.Rationale, i.DecidedBy?.DisplayName, i.DecidedAt, i.SignedOffBy?.DisplayName, i.SignedOffAt, i.Referral,
            DecisionTimeliness.For(Contact.ReceivedAt, i.SignedOffAt, Now, clock.LocalTimeZone),
            referrals.Where(r => r.ChildId == i.ChildId && r.Id != i.ReferralId && r.ReferralDate <= received).ToList())).ToList();
        return Page();
    }

    /// Previous referrals within 12 months of this contact: a new referral would be a re-referral.
    public IEnumerable<Referral> ReReferralHistory(ChildRow row) =>
        row.PreviousReferrals.Where(r => Referral.IsWithinTwelveMonths(r.ReferralDate, DecisionTimeliness.LocalDate(Contact.ReceivedAt, clock.LocalTimeZone)));
}
