using Haven.Core.Access;
using Haven.Core.Assessments;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Assessments;

/// The assessments of brothers and sisters started together, side by side: each child's own needs.
/// A sibling the worker may not read is listed by nothing more than that fact.
public class FamilyModel(HavenDbContext db, ChildAccess access, TimeProvider clock) : PageModel
{
    public sealed record Column(int ChildId, string Name, Assessment? Record);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<Column> Columns { get; private set; } = [];
    public int Hidden { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int assessmentId, CancellationToken ct)
    {
        var own = await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assessmentId && a.ChildId == childId, ct);
        if (own is null) return NotFound();
        Header = (await ChildHeader.LoadAsync(db, childId, "assessments", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        var family = await db.Assessments.AsNoTracking().Include(a => a.Factors).Include(a => a.Child)
            .Where(a => own.FamilyAssessmentId != null && a.FamilyAssessmentId == own.FamilyAssessmentId)
            .OrderBy(a => a.Child.DateOfBirth).ToListAsync(ct);
        if (family.Count == 0) family = [own];
        var worker = CurrentWorker.From(User)!;
        var columns = new List<Column>();
        foreach (var a in family)
        {
            if (a.ChildId != childId && !await access.CanAsync(worker, a.ChildId, AccessLevel.Read, ct)) { Hidden++; continue; }
            columns.Add(new Column(a.ChildId, a.ChildId == childId ? Header.Name : $"{a.Child.FirstName} {a.Child.LastName}", a));
        }
        Columns = columns;
        return Page();
    }
}
