using Haven.Core.Allocations;
using Haven.Core.CareLeavers;
using Haven.Core.Data;
using Haven.Core.Health;
using Haven.Core.MyWork;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.CareLeaver;

/// The young person's leaving-care record: status from their care history, personal adviser,
/// pathway plan, what is due (including review prompts after significant changes), contacts,
/// birthdays, staying put, documents, the health history summary and the EET panel.
public class IndexModel(HavenDbContext db, CareLeaverService service, CareLeaverDueWork due, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public DateOnly Today { get; private set; }
    public EligibilityResult Status { get; private set; } = null!;
    public string? PersonalAdviser { get; private set; }
    public PathwayPlan? Plan { get; private set; }
    public IReadOnlyList<DueItem> Due { get; private set; } = [];
    public IReadOnlyList<SignificantChange> Changes { get; private set; } = [];
    public IReadOnlyList<(DateOnly Date, string By, string Summary)> Reviews { get; private set; } = [];
    public IReadOnlyList<(DateOnly Date, ContactMethod Method, string By, string Summary)> Contacts { get; private set; } = [];
    public IReadOnlyList<BirthdayReturn> Birthdays { get; private set; } = [];
    public IReadOnlyList<StayingPut> StayingPut { get; private set; } = [];
    public IReadOnlyDictionary<CareLeaverDocumentKind, CareLeaverDocument> Documents { get; private set; } = new Dictionary<CareLeaverDocumentKind, CareLeaverDocument>();
    public IReadOnlyList<DateOnly> SummaryGiven { get; private set; } = [];
    public IReadOnlyList<(EetPanelDiscussion Row, string Owner)> Eet { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "care-leaver", Today, ct))!;
        Status = (await service.EligibilityAsync([childId], Today, ct)).GetValueOrDefault(childId)
            ?? new EligibilityResult(CareLeaverStatus.None, null, null, 0, []);
        PersonalAdviser = await db.Allocations.Where(a => a.ChildId == childId && a.Kind == AllocationKind.PersonalAdviser && a.EndDate == null)
            .Select(a => a.Worker.DisplayName).FirstOrDefaultAsync(ct);
        Plan = await db.PathwayPlans.AsNoTracking().FirstOrDefaultAsync(p => p.ChildId == childId, ct);
        Due = await due.ForChildrenAsync([childId], ct);
        Changes = await db.SignificantChanges.AsNoTracking().Where(c => c.ChildId == childId).OrderByDescending(c => c.EventDate).ToListAsync(ct);
        Reviews = (await db.PathwayReviews.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.ReviewDate)
            .Select(r => new { r.ReviewDate, r.ReviewedBy.DisplayName, r.Summary }).ToListAsync(ct)).Select(r => (r.ReviewDate, r.DisplayName, r.Summary)).ToList();
        Contacts = (await db.CareLeaverContacts.AsNoTracking().Where(r => r.ChildId == childId).OrderByDescending(r => r.ContactDate).Take(20)
            .Select(r => new { r.ContactDate, r.Method, r.Worker.DisplayName, r.Summary }).ToListAsync(ct)).Select(r => (r.ContactDate, r.Method, r.DisplayName, r.Summary)).ToList();
        Birthdays = await db.BirthdayReturns.AsNoTracking().Where(b => b.ChildId == childId).OrderBy(b => b.Age).ToListAsync(ct);
        StayingPut = await db.StayingPutArrangements.AsNoTracking().Where(s => s.ChildId == childId).OrderByDescending(s => s.StartDate).ToListAsync(ct);
        Documents = await db.CareLeaverDocuments.AsNoTracking().Where(d => d.ChildId == childId).ToDictionaryAsync(d => d.Kind, ct);
        SummaryGiven = await db.HealthRecords.AsNoTracking().Where(r => r.ChildId == childId && r.Kind == HealthRecordKind.HistorySummaryGiven)
            .OrderBy(r => r.Date).Select(r => r.Date).ToListAsync(ct);
        Eet = (await db.EetPanelDiscussions.AsNoTracking().Where(e => e.ChildId == childId).OrderByDescending(e => e.PanelDate)
            .Select(e => new { Row = e, Owner = e.ActionOwner.DisplayName }).ToListAsync(ct)).Select(x => (x.Row, x.Owner)).ToList();
        return Page();
    }

    public bool IsAnswered(SignificantChange c) => Reviews.Any(r => r.Date >= c.EventDate);

    public DateOnly? Birthday(int age) => Header.DateOfBirth?.AddYears(age);
}
