using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.FrontDoor;

/// What the front door owes a child: a threshold decision within 1 working day of the contact,
/// and partners' answers to MASH checks by the due time their RAG rating set. A check serves the
/// decision, so it is counted under the decision's rule (RAG times are local practice, not a registered timescale).
public sealed class FrontDoorDueWork(HavenDbContext db, TimeProvider clock) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var zone = clock.LocalTimeZone;
        var awaiting = await db.ContactChildren.AsNoTracking()
            .Where(c => childIds.Contains(c.ChildId) && c.SignedOffAt == null)
            .Select(c => new { c.ChildId, c.ContactId, c.Contact.ReceivedAt, Decided = c.DecidedAt != null }).ToListAsync(ct);
        var items = awaiting.Select(a => new DueItem(a.ChildId, a.Decided ? "Sign off the threshold decision" : "Threshold decision on a contact",
            Timescales.ReferralDecision.DueFrom(DecisionTimeliness.LocalDate(a.ReceivedAt, zone)), Timescales.ReferralDecision)
            { Href = $"/front-door/contacts/{a.ContactId}" }).ToList();

        if (awaiting.Count == 0) return items;
        var contactIds = awaiting.Select(a => a.ContactId).Distinct().ToList();
        var checks = await db.MashChecks.AsNoTracking().Where(k => contactIds.Contains(k.ContactId) && k.RespondedAt == null)
            .Select(k => new { k.ContactId, k.Agency, k.DueAt }).ToListAsync(ct);
        foreach (var k in checks)
            foreach (var a in awaiting.Where(a => a.ContactId == k.ContactId))
                items.Add(new DueItem(a.ChildId, $"MASH check: {MashCheck.Describe(k.Agency)} to respond", DecisionTimeliness.LocalDate(k.DueAt, zone), Timescales.ReferralDecision)
                    { Href = $"/front-door/contacts/{k.ContactId}" });
        return items;
    }
}
