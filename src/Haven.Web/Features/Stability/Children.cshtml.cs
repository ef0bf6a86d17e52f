using Haven.Core.Access;
using Haven.Core.ChildrenLookedAfter;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Stability;

/// The children behind one stability figure. The figure counts every child looked after; the list
/// names only the children the viewer may open, and says how many more are counted but not shown.
public class ChildrenModel(StabilityFigures figures, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Row(StabilityChild Child, string Name);

    public StabilityMeasure Measure { get; private set; }
    public IReadOnlyList<Row> Children { get; private set; } = [];
    public int Counted { get; private set; }
    public int NotShown { get; private set; }
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(StabilityMeasure? measure, CancellationToken ct)
    {
        if (measure is not { } m || !Enum.IsDefined(m)) return NotFound();
        Measure = m;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var matching = (await figures.LoadAsync(Today, ct)).Where(c => c.Matches(m)).ToList();
        Counted = matching.Count;
        var worker = CurrentWorker.From(User)!;
        var ids = matching.Select(c => c.ChildId).Distinct().ToList();
        var visible = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var c in await access.Children(worker).Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct))
                visible[c.Id] = c.Name;
        Children = matching.Where(c => visible.ContainsKey(c.ChildId)).Select(c => new Row(c, visible[c.ChildId])).OrderBy(r => r.Name).ToList();
        NotShown = ids.Count - Children.Count;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, $"{Children.Count} children listed"), ct);
        return Page();
    }
}
