using Haven.Core.Access;
using Haven.Core.Education;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.VirtualSchool;

/// The virtual school view: children in care by phase, with the secondary phase's attendance and
/// progress at a glance. Each figure links to the children behind it. A worker sees the children
/// whose education records they may read: every child in care for the virtual school (the
/// AccessMatrix cohort), their own for anyone else.
public class IndexModel(ChildAccess access, VirtualSchoolCohort cohort, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Figure(VirtualSchoolMeasure Measure, string Label, int Count, int Of);

    public sealed record PhaseFigures(EducationPhase? Phase, int Children, decimal? AverageAttendance, IReadOnlyList<Figure> Figures);

    public IReadOnlyList<PhaseFigures> Phases { get; private set; } = [];

    public static string PhaseKey(EducationPhase? phase) => phase?.ToString() ?? "Unknown";

    public static string Describe(EducationPhase? phase) => phase is { } p ? EducationRules.Describe(p) : "Age not known";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var worker = CurrentWorker.From(User)!;
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var pupils = await cohort.LoadAsync(access.Children(worker, AccessLevel.Read, RecordKind.Education), today, ct);
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, "GET /virtual-school", $"{pupils.Count} children"), ct);
        Phases = pupils.GroupBy(p => p.Phase).OrderBy(g => g.Key is null ? 99 : (int)g.Key).Select(g =>
        {
            var list = g.ToList();
            var withAttendance = list.Where(p => p.LatestAttendance is not null).ToList();
            Figure F(VirtualSchoolMeasure m, string label, int of) => new(m, label, list.Count(p => p.Matches(m)), of);
            var figures = new List<Figure>
            {
                F(VirtualSchoolMeasure.PepOutOfDate, "Personal education plan out of date", list.Count),
            };
            if (g.Key is not EducationPhase.EarlyYears and not EducationPhase.Post16)
            {
                figures.Add(F(VirtualSchoolMeasure.PersistentAbsence, "Persistently absent (latest term below 90%)", withAttendance.Count));
                figures.Add(F(VirtualSchoolMeasure.NoAttendance, "No attendance recorded", list.Count));
                figures.Add(F(VirtualSchoolMeasure.BelowExpected, "Progress below expected", list.Count(p => p.Progress is not null)));
                figures.Add(F(VirtualSchoolMeasure.Suspended, "Suspended or excluded this school year", list.Count));
            }
            figures.Add(F(VirtualSchoolMeasure.Sen, "SEN support or an EHC plan", list.Count));
            if (g.Key == EducationPhase.Post16)
                figures.Add(F(VirtualSchoolMeasure.NotInEducation, "Not in education, employment or training", list.Count));
            var average = withAttendance.Count == 0 ? (decimal?)null : Math.Round(withAttendance.Average(p => p.LatestAttendance!.Value), 1);
            return new PhaseFigures(g.Key, list.Count, average, figures);
        }).ToList();
        return Page();
    }
}
