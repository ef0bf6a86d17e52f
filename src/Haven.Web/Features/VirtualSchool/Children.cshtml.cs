using Haven.Core.Access;
using Haven.Core.Education;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.VirtualSchool;

/// The children behind one figure of the virtual school view, each linking to their education record.
public class ChildrenModel(ChildAccess access, VirtualSchoolCohort cohort, AccessLog log, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Phase { get; set; }
    [BindProperty(SupportsGet = true)] public VirtualSchoolMeasure Measure { get; set; } = VirtualSchoolMeasure.All;

    public IReadOnlyList<VirtualSchoolPupil> Pupils { get; private set; } = [];
    public string PhaseName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        EducationPhase? phase = Enum.TryParse<EducationPhase>(Phase, out var p) && Enum.IsDefined(p) ? p : null;
        if (phase is null && Phase != "Unknown") return NotFound();
        if (!Enum.IsDefined(Measure)) return NotFound();
        var worker = CurrentWorker.From(User)!;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var all = await cohort.LoadAsync(access.Children(worker, AccessLevel.Read, RecordKind.Education), today, ct);
        Pupils = all.Where(x => x.Phase == phase && x.Matches(Measure)).ToList();
        PhaseName = IndexModel.Describe(phase);
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null,
            $"GET /virtual-school/children?phase={Phase}&measure={Measure}", $"{Pupils.Count} children"), ct);
        return Page();
    }

    public static string Describe(VirtualSchoolMeasure m) => m switch
    {
        VirtualSchoolMeasure.All => "All children",
        VirtualSchoolMeasure.PepOutOfDate => "Personal education plan out of date",
        VirtualSchoolMeasure.PersistentAbsence => "Persistently absent",
        VirtualSchoolMeasure.NoAttendance => "No attendance recorded",
        VirtualSchoolMeasure.BelowExpected => "Progress below expected",
        VirtualSchoolMeasure.Sen => "SEN support or an EHC plan",
        VirtualSchoolMeasure.Suspended => "Suspended or excluded this school year",
        _ => "Not in education, employment or training",
    };
}
