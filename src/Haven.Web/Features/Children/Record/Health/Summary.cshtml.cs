using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Health;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Health;

/// The health history summary a young person leaving care is given: built from the record each
/// time it is shown, in plain words, to print. Recording that it was given adds a health record.
public class SummaryModel(HavenDbContext db, HealthRecordService health, TimeProvider clock) : PageModel
{
    public sealed record Section(string Heading, IReadOnlyList<HealthRecord> Records, string None);

    public ChildHeader Header { get; private set; } = null!;
    public string? NhsNumber { get; private set; }
    public IReadOnlyList<Section> Sections { get; private set; } = [];
    public IReadOnlyList<HealthRecord> Given { get; private set; } = [];
    public DateOnly Today { get; private set; }

    [BindProperty]
    public Guid SubmissionId { get; set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        await LoadAsync(childId, ct);
        SubmissionId = Guid.NewGuid();
        return Page();
    }

    /// Records that the printed summary was given to the young person today.
    public async Task<IActionResult> OnPostAsync(int childId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        await health.AddAsync(new AddHealthRecordOptions(childId, HealthRecordKind.HistorySummaryGiven, today, null, null, null, null,
            null, null, null, null, SubmissionId == Guid.Empty ? null : SubmissionId), CurrentWorker.From(User)!, ct);
        TempData["Notice"] = "Recorded that the health history summary was given today";
        return Redirect($"/children/{childId}/health/summary");
    }

    private async Task LoadAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "health", Today, ct))!;
        NhsNumber = await db.People.Where(p => p.Id == childId).Select(p => p.NhsNumber).FirstAsync(ct);
        var all = await db.HealthRecords.AsNoTracking().Where(r => r.ChildId == childId).OrderBy(r => r.Date).ThenBy(r => r.Id).ToListAsync(ct);
        List<HealthRecord> Of(params HealthRecordKind[] kinds) => all.Where(r => kinds.Contains(r.Kind)).ToList();
        Sections =
        [
            new("Health conditions", Of(HealthRecordKind.Condition), "No health conditions were recorded."),
            new("Health checks", Of(HealthRecordKind.InitialHealthAssessment, HealthRecordKind.ReviewHealthAssessment), "No health checks were recorded."),
            new("Vaccinations", Of(HealthRecordKind.Immunisations), "Nothing was recorded about your vaccinations."),
            new("Dentist", Of(HealthRecordKind.DentalCheck), "No dentist check-ups were recorded."),
            new("Feelings and mental health", Of(HealthRecordKind.StrengthsAndDifficulties, HealthRecordKind.CamhsReferral), "Nothing was recorded here."),
        ];
        Given = Of(HealthRecordKind.HistorySummaryGiven);
    }
}
