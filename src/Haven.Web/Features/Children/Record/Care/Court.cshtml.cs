using Haven.Core.ChildrenLookedAfter;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Haven.Web.Features.Children.Record.Care;

/// The Public Law Outline for the child: pre-proceedings with the parents' timescale, care
/// proceedings with the 26-week date, hearings and the final order, and the parallel and
/// contingency plans side by side.
public class CourtModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public CourtAndFamilyRecord Record { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "care", Today, ct))!;
        Record = await CourtAndFamilyRecord.LoadAsync(db, childId, ct);
        return Page();
    }

    public static string Show(DateOnly? d) => d?.ToString("d MMMM yyyy") ?? "Not recorded";
}
