using Haven.Core.Data;
using Haven.Core.EarlyHelp;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Team;

/// Families' feedback on early help, in aggregate for managers: how many answered, the average
/// rating and the spread, over the last 12 months. Numbers only: no names, no comments, so no
/// child's record is opened here (the comments are on each episode, behind the child record guard).
public class EarlyHelpFeedbackModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public FeedbackSummary Summary { get; private set; } = FeedbackSummary.From([]);
    public int LinksCreated { get; private set; }
    public DateTime Since { get; private set; }
    /// Cycles of support per family over all recorded early help (siblings' overlapping episodes are one cycle).
    public (int Families, int One, int Two, int ThreeOrMore) Cycles { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Since = clock.GetUtcNow().UtcDateTime.AddMonths(-12);
        var since = Since;
        LinksCreated = await db.EarlyHelpFeedback.CountAsync(f => f.CreatedAt >= since, ct);
        var ratings = await db.EarlyHelpFeedback.Where(f => f.CreatedAt >= since && f.Rating != null).Select(f => f.Rating!.Value).ToListAsync(ct);
        Summary = FeedbackSummary.From(ratings);
        Cycles = await EarlyHelpFigures.CyclesAsync(db, ct);
    }
}
