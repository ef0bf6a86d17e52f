using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.FrontDoor;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.FrontDoor;

/// The daily MASH meeting: every contact awaiting a decision, oldest first, with the most urgent
/// RAG rating of its checks and how partners have responded; and the out-of-hours handovers the
/// day team has not yet acknowledged.
public class IndexModel(HavenDbContext db, ChildAccess access, FrontDoorService frontDoor, TimeProvider clock) : PageModel
{
    public sealed record Row(int ContactId, DateTime ReceivedAt, string Source, string Children, Rag? Rag, int Checks, int Responded, int Overdue,
        DecisionTimeliness Timeliness, string Stage, bool OutOfHours);
    public sealed record HandoverRow(int Id, int ContactId, DateTime RecordedAt, string Children, string Actions, Guid Version);

    public IReadOnlyList<Row> Awaiting { get; private set; } = [];
    public IReadOnlyList<HandoverRow> Handovers { get; private set; } = [];
    public int Hidden { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        var now = clock.GetUtcNow().UtcDateTime;
        // The contacts awaiting sign-off are found from IX_ContactChildren_AwaitingSignOff (a partial
        // index of the children not signed off), not by testing every contact oldest first.
        var awaiting = db.ContactChildren.Where(x => x.SignedOffAt == null).Select(x => x.ContactId);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => awaiting.Contains(c.Id))
            .OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, c.ReceivedAt, c.SourceCode, OutOfHours = c.Handover != null,
                Children = c.Children.Select(x => new { x.ChildId, x.Child.FirstName, x.Child.LastName, x.DecidedAt, x.SignedOffAt }).ToList(),
                Checks = c.Checks.Select(k => new { k.Rag, k.RespondedAt, k.DueAt }).ToList(),
            })
            // The children and the checks in statements of their own: joined in one, each contact's rows
            // would be its children times its checks.
            .Take(500).AsSplitQuery().ToListAsync(ct);
        var childIds = contacts.SelectMany(c => c.Children.Select(x => x.ChildId)).Distinct().ToList();
        var visible = await FrontDoorPages.VisibleAsync(db, access, worker, childIds, ct);
        var rows = new List<Row>();
        foreach (var c in contacts)
        {
            if (!c.Children.All(x => visible.Contains(x.ChildId))) { Hidden++; continue; }
            var stage = c.Children.All(x => x.DecidedAt is not null) ? "Awaiting sign-off" : c.Checks.Count > 0 ? "Checks requested" : "New";
            rows.Add(new Row(c.Id, c.ReceivedAt, Haven.Core.Codes.CodeLists.ReferralSource.Describe(c.SourceCode) ?? c.SourceCode,
                string.Join(", ", c.Children.Select(x => $"{x.FirstName} {x.LastName}")),
                c.Checks.Count == 0 ? null : c.Checks.Min(k => k.Rag), c.Checks.Count, c.Checks.Count(k => k.RespondedAt != null),
                c.Checks.Count(k => k.RespondedAt == null && k.DueAt < now),
                DecisionTimeliness.For(c.ReceivedAt, null, now, clock.LocalTimeZone), stage, c.OutOfHours));
        }
        Awaiting = rows;

        // The handovers, then their contacts' children by contact: read as one nested projection, SQLite
        // first materialised every contact's children with their names (88,054 rows at 50,000 children).
        var open = await db.OutOfHoursHandovers.AsNoTracking().Where(h => h.AcknowledgedAt == null).OrderBy(h => h.RecordedAt).ThenBy(h => h.Id)
            .Select(h => new { h.Id, h.ContactId, h.RecordedAt, h.ActionsTaken, h.Version }).Take(200).ToListAsync(ct);
        var handoverContacts = open.Select(h => h.ContactId).Distinct().ToList();
        var childrenOf = (await db.ContactChildren.AsNoTracking().Where(x => handoverContacts.Contains(x.ContactId)).OrderBy(x => x.Id)
                .Select(x => new { x.ContactId, x.ChildId, x.Child.FirstName, x.Child.LastName }).ToListAsync(ct))
            .ToLookup(x => x.ContactId);
        var handovers = open.Select(h => new { h.Id, h.ContactId, h.RecordedAt, h.ActionsTaken, h.Version,
            Children = childrenOf[h.ContactId].Select(x => new { x.ChildId, x.FirstName, x.LastName }).ToList() }).ToList();
        var hIds = handovers.SelectMany(h => h.Children.Select(x => x.ChildId)).Distinct().ToList();
        var hVisible = await FrontDoorPages.VisibleAsync(db, access, worker, hIds, ct);
        Handovers = handovers.Where(h => h.Children.All(x => hVisible.Contains(x.ChildId)))
            .Select(h => new HandoverRow(h.Id, h.ContactId, h.RecordedAt, string.Join(", ", h.Children.Select(x => $"{x.FirstName} {x.LastName}")), h.ActionsTaken, h.Version))
            .ToList();
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(int handoverId, Guid version, [FromServices] AccessLog log, CancellationToken ct)
    {
        var contactId = await db.OutOfHoursHandovers.Where(h => h.Id == handoverId).Select(h => (int?)h.ContactId).FirstOrDefaultAsync(ct);
        if (contactId is null || !await FrontDoorPages.CanSeeContactAsync(db, access, log, HttpContext, contactId.Value, ct)) return NotFound();
        try
        {
            await frontDoor.AcknowledgeHandoverAsync(handoverId, version, CurrentWorker.From(User)!, ct);
            TempData["Notice"] = "Handover acknowledged";
        }
        catch (FrontDoorConflictException e)
        {
            TempData["Notice"] = e.Message;
        }
        return Redirect("/front-door");
    }
}
