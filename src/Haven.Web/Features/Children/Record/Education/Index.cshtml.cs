using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Core.MyWork;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Education;

[ChildRecordKind(RecordKind.Education)]
public class IndexModel(HavenDbContext db, ChildAccess access, EducationDueWork due, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<EducationRecord> Records { get; private set; } = [];
    /// Earlier versions kept when a record was corrected, and records removed, with the reason.
    public IReadOnlyList<EducationRecord> Replaced { get; private set; } = [];
    public IReadOnlyList<DueItem> Due { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public EducationPhase? Phase { get; private set; }

    public EducationRecord? Latest(EducationRecordKind kind) => Records.FirstOrDefault(r => r.Kind == kind);
    public IEnumerable<EducationRecord> Of(EducationRecordKind kind) => Records.Where(r => r.Kind == kind);

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = await EducationHeader.LoadAsync(db, access, CurrentWorker.From(User)!, childId, Today, ct);
        Records = await db.EducationRecords.AsNoTracking().Where(r => r.ChildId == childId)
            .OrderByDescending(r => r.Date).ThenByDescending(r => r.Id).ToListAsync(ct);
        Replaced = await db.EducationRecords.IgnoreQueryFilters().AsNoTracking().Where(r => r.ChildId == childId && r.DeletedAt != null)
            .OrderByDescending(r => r.DeletedAt).ToListAsync(ct);
        Due = await due.ForChildrenAsync([childId], ct);
        var school = Latest(EducationRecordKind.School);
        if (school?.YearGroup is { } y) Phase = EducationRules.PhaseOf(y + EducationRules.AcademicYearOf(Today) - EducationRules.AcademicYearOf(school.Date));
        else if (Header.DateOfBirth is { } dob) Phase = EducationRules.PhaseOf(EducationRules.YearGroupOn(dob, Today));
        return Page();
    }
}
