using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Education;
using Haven.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Haven.Web.Features.Children.Record.Education;

[ChildRecordKind(RecordKind.Education)]
public class AddModel(HavenDbContext db, ChildAccess access, EducationRecordService education, TimeProvider clock) : EducationForm
{
    public ChildHeader Header { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        ModelState.Clear();
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        if (ReadOptions(childId, Today) is not { } options) return await RedisplayAsync(childId, ct);

        await education.AddAsync(options, CurrentWorker.From(User)!, ct);
        TempData["Notice"] = $"{EducationRecord.Describe(options.Kind)} recorded";
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
