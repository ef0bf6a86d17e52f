using Haven.Core.Data;
using Haven.Core.Homelessness;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Homelessness;

/// The options leaflet: built from the record each time it is shown, in plain words, to print
/// and give to the young person. It says what each option means for them, what they decided,
/// their advocate, and who to call.
public class LeafletModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public HomelessnessAssessment Assessment { get; private set; } = null!;
    public string? WorkerName { get; private set; }
    public string? TeamName { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int assessmentId, CancellationToken ct)
    {
        var a = await db.HomelessnessAssessments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == assessmentId && x.ChildId == childId, ct);
        if (a is null) return NotFound();
        Assessment = a;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "homelessness", Today, ct))!;
        if (a.RecordedByWorkerId is { } wid)
        {
            var w = await db.Workers.AsNoTracking().Where(x => x.Id == wid).Select(x => new { x.DisplayName, Team = x.Team == null ? null : x.Team.Name }).FirstOrDefaultAsync(ct);
            WorkerName = w?.DisplayName;
            TeamName = w?.Team;
        }
        return Page();
    }

    /// The decision as the young person would say it.
    public static string Plain(HomelessDecision d) => d switch
    {
        HomelessDecision.Section20 => "You chose to be looked after by the council (section 20).",
        HomelessDecision.ChildInNeedSupport => "You chose to get support as a child in need, without being looked after.",
        _ => "You chose something different from these two options.",
    };
}
