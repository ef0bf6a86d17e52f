using Haven.Core.Data;
using Haven.Core.Missing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Missing;

public class EpisodeModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public MissingEpisode Episode { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int childId, int episodeId, CancellationToken ct)
    {
        var episode = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).FirstOrDefaultAsync(e => e.Id == episodeId && e.ChildId == childId, ct);
        if (episode is null) return NotFound();
        Episode = episode;
        Header = (await ChildHeader.LoadAsync(db, childId, "missing", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Page();
    }
}
