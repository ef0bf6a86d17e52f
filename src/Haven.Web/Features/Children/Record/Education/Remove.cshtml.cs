using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Education;

/// Removes an education record recorded in error: a soft delete with the reason; the record stays
/// in the database and under "Corrected and removed records".
[ChildRecordKind(RecordKind.Education)]
public class RemoveModel(HavenDbContext db, ChildAccess access, EducationRecordService education, TimeProvider clock) : PageModel
{
    [BindProperty] public Guid Version { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter why you are removing this record"),
     StringLength(1000, ErrorMessage = "Reason must be 1,000 characters or fewer")]
    public string? Reason { get; set; }

    public ChildHeader Header { get; private set; } = null!;
    public EducationRecord Record { get; private set; } = null!;
    public bool Conflict { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int recordId, CancellationToken ct)
    {
        ModelState.Clear();
        if (await LoadAsync(childId, recordId, ct) is not { } record) return NotFound();
        Version = record.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int recordId, CancellationToken ct)
    {
        if (!ModelState.IsValid)
            return await LoadAsync(childId, recordId, ct) is null ? NotFound() : Page();
        var conflict = await education.RemoveAsync(childId, recordId, Version, Reason!, CurrentWorker.From(User)!, ct);
        if (conflict is not null)
        {
            if (await LoadAsync(childId, recordId, ct) is not { } now) return NotFound();
            ModelState.AddModelError(nameof(Reason), conflict);
            Conflict = true;
            if (now.DeletedAt is null) Version = now.Version;
            return Page();
        }
        TempData["Notice"] = "Education record removed; it is kept with your reason under \"Corrected and removed records\"";
        return Redirect($"/children/{childId}/education");
    }

    private async Task<EducationRecord?> LoadAsync(int childId, int recordId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var record = await db.EducationRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);
        if (record is null) return null;
        Record = record;
        Header = await EducationHeader.LoadAsync(db, access, CurrentWorker.From(User)!, childId, today, ct);
        return record;
    }
}
