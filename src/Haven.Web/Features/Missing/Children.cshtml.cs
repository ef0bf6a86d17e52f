using Haven.Core.Access;
using Haven.Core.Missing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Missing;

/// The children behind one take-up figure. The figure counts every child; the list shows only the
/// children the viewer may read, and says how many more are counted but not shown, so a
/// restricted or out-of-scope child is never named to someone without access.
public class ChildrenModel(ReturnHomeInterviewTakeUp takeUp, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Row(int ChildId, string Name, int Episodes, DateTime LastReturn);

    public TakeUpPeriod Period { get; private set; } = null!;
    public string Heading { get; private set; } = "";
    public IReadOnlyList<Row> Children { get; private set; } = [];
    public int Counted { get; private set; }
    public int NotShown { get; private set; }

    public async Task<IActionResult> OnGetAsync(TakeUpGrouping? by, string? key, TakeUpMeasure? measure, string? from, string? to, CancellationToken ct)
    {
        if (by is null || measure is null || !Enum.IsDefined(by.Value) || !Enum.IsDefined(measure.Value) || string.IsNullOrEmpty(key)) return NotFound();
        Period = TakeUpPeriod.Parse(from, to, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var episodes = (await takeUp.EpisodesAsync(Period.Start, Period.End, ct))
            .Where(e => e.KeyFor(by.Value) == key && e.Counts(measure.Value)).ToList();
        var label = episodes.FirstOrDefault()?.LabelFor(by.Value) ?? key;
        Heading = $"{ReturnHomeInterviewTakeUp.Describe(measure.Value)}: {label}";
        Counted = episodes.Count;
        var worker = CurrentWorker.From(User)!;
        var ids = episodes.Select(e => e.ChildId).Distinct().ToList();
        var visible = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var c in await access.Children(worker).Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct))
                visible[c.Id] = c.Name;
        Children = episodes.Where(e => visible.ContainsKey(e.ChildId)).GroupBy(e => e.ChildId)
            .Select(g => new Row(g.Key, visible[g.Key], g.Count(), g.Max(e => e.ReturnedAt)))
            .OrderByDescending(r => r.LastReturn).ToList();
        NotShown = ids.Count - Children.Count;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, $"{Children.Count} children listed"), ct);
        return Page();
    }
}
