using Haven.Core.Access;
using Haven.Core.CareLeavers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.CareLeavers;

/// Care leavers today, from the live records: how many are in touch, in suitable accommodation and
/// in education, employment or training at their latest birthday, and how many have been given
/// their health history summary. Each figure lists the young people behind it that the viewer may
/// read, and says how many more are counted but not shown.
public class IndexModel(CareLeaverCohort cohort, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Figure(CareLeaverMeasure Measure, int Count, int Of);

    public IReadOnlyList<Figure> Figures { get; private set; } = [];
    public IReadOnlyDictionary<CareLeaverStatus, int> ByStatus { get; private set; } = new Dictionary<CareLeaverStatus, int>();
    public CareLeaverMeasure Measure { get; private set; }
    public IReadOnlyList<CareLeaverRow> Rows { get; private set; } = [];
    public int NotShown { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(CareLeaverMeasure? measure, CancellationToken ct)
    {
        if (measure is { } m && !Enum.IsDefined(m)) return NotFound();
        Measure = measure ?? CareLeaverMeasure.All;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var all = await cohort.OnAsync(Today, ct);
        var withBirthday = all.Count(r => r.HasBirthday);
        Figures =
        [
            new(CareLeaverMeasure.InTouch, all.Count(r => r.InTouch), withBirthday),
            new(CareLeaverMeasure.SuitableAccommodation, all.Count(r => r.SuitableAccommodation), withBirthday),
            new(CareLeaverMeasure.InEducationEmploymentOrTraining, all.Count(r => r.InEducationEmploymentOrTraining), withBirthday),
            new(CareLeaverMeasure.NotInEducationEmploymentOrTraining, all.Count(r => r.NotInEducationEmploymentOrTraining), withBirthday),
            new(CareLeaverMeasure.HealthSummaryGiven, all.Count(r => r.HealthSummaryGiven), all.Count),
        ];
        ByStatus = all.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var counted = all.Where(r => CareLeaverCohort.Counts(r, Measure)).ToList();
        var worker = CurrentWorker.From(User)!;
        var visible = await access.VisibleAmongAsync(worker, counted.Select(r => r.ChildId), ct);
        Rows = counted.Where(r => visible.Contains(r.ChildId)).ToList();
        NotShown = counted.Count - Rows.Count;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, $"{Rows.Count} care leavers listed"), ct);
        return Page();
    }

    public static string Percent(int n, int of) => of == 0 ? "–" : $"{Math.Round(100.0 * n / of)}%";
}
