using System.ComponentModel.DataAnnotations;
using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Education;

/// Corrects an education record: the corrected record is added and the earlier one kept, marked
/// as corrected with the reason (EducationRecordService.CorrectAsync). Someone else's change in
/// between is refused with both versions shown.
[ChildRecordKind(RecordKind.Education)]
public class CorrectModel(HavenDbContext db, ChildAccess access, EducationRecordService education, TimeProvider clock) : EducationForm
{
    [BindProperty] public Guid Version { get; set; }

    [BindProperty, Required(ErrorMessage = "Enter why you are correcting this record"),
     StringLength(900, ErrorMessage = "Reason must be 900 characters or fewer")]
    public string? Reason { get; set; }

    public ChildHeader Header { get; private set; } = null!;

    /// The record as saved now, when someone else changed it after this form was opened.
    public EducationRecord? Theirs { get; private set; }

    /// The record that replaced it, when someone else corrected it first (saved in the same moment).
    public EducationRecord? Replacement { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int recordId, CancellationToken ct)
    {
        ModelState.Clear();
        var record = await db.EducationRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);
        if (record is null) return NotFound();
        Fill(record);
        Version = record.Version;
        SubmissionId = Guid.NewGuid();
        await LoadAsync(childId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, int recordId, CancellationToken ct)
    {
        if (ReadOptions(childId, Today) is not { } options || !ModelState.IsValid) return await RedisplayAsync(childId, ct);

        var (saved, conflict) = await education.CorrectAsync(recordId, Version, Reason!, options, CurrentWorker.From(User)!, ct);
        if (saved is null)
        {
            Theirs = await db.EducationRecords.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(r => r.Id == recordId && r.ChildId == childId, ct);
            if (Theirs is null) return NotFound();
            ModelState.AddModelError(nameof(Kind), conflict!);
            if (Theirs.DeletedAt is null) Version = Theirs.Version;
            else Replacement = await db.EducationRecords.AsNoTracking()
                .FirstOrDefaultAsync(r => r.ChildId == childId && r.Kind == Theirs.Kind && r.RecordedAt == Theirs.DeletedAt, ct);
            return await RedisplayAsync(childId, ct);
        }
        TempData["Notice"] = $"{EducationRecord.Describe(saved.Kind)} corrected; the earlier version is kept";
        return Redirect($"/children/{childId}/education");
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    private async Task<IActionResult> RedisplayAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        return Page();
    }

    private async Task LoadAsync(int childId, CancellationToken ct) =>
        Header = await EducationHeader.LoadAsync(db, access, CurrentWorker.From(User)!, childId, Today, ct);
}
