using Haven.Core.Access;
using Haven.Core.Homelessness;
using Haven.Web.Infrastructure.Govuk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Homelessness;

/// Homeless 16- and 17-year-olds for managers: of the assessments that presented in the period
/// (the last 12 months by default), the share with the options step completed, and bed and
/// breakfast breaches. The figures count every assessment; the list of children behind them shows
/// only the children the viewer may read, and says how many more are counted but not shown.
public class IndexModel(HomelessnessFigures figures, ChildAccess access, AccessLog log, TimeProvider clock) : PageModel
{
    public sealed record Row(int ChildId, int AssessmentId, string Name, DateOnly PresentedOn, bool OptionsStepDone, int BedAndBreakfastStays);

    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), GovukDate(ErrorMessagePrefix = "To")] public DateOnly? To { get; set; }

    public HomelessnessFigure Figure { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int NotShown { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var to = ModelState.IsValid && To is { } t ? t : today;
        var from = ModelState.IsValid && From is { } f ? f : to.AddYears(-1).AddDays(1);
        if (from > to) (from, to) = (to, from);
        From = from;
        To = to;
        Figure = await figures.ForAsync(from, to, ct);
        var worker = CurrentWorker.From(User)!;
        var ids = Figure.Rows.Select(r => r.ChildId).Distinct().ToList();
        var visible = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(1000))
            foreach (var c in await access.Children(worker).Where(p => chunk.Contains(p.Id)).Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName }).ToListAsync(ct))
                visible[c.Id] = c.Name;
        Rows = Figure.Rows.Where(r => visible.ContainsKey(r.ChildId))
            .Select(r => new Row(r.ChildId, r.AssessmentId, visible[r.ChildId], r.PresentedOn, r.OptionsStepDone, r.BedAndBreakfastStays))
            .OrderByDescending(r => r.PresentedOn).ToList();
        NotShown = Figure.Rows.Count - Rows.Count;
        await log.WriteAsync(new AccessEvent(worker.UserName, worker.WorkerId, AccessAction.Search, null, Request.Path + Request.QueryString, $"{Rows.Select(r => r.ChildId).Distinct().Count()} children listed"), ct);
    }
}
