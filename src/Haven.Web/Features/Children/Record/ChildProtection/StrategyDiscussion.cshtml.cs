using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

public class StrategyDiscussionModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public Haven.Core.ChildProtection.StrategyDiscussion Record { get; private set; } = null!;
    public int? EnquiryId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int childId, int discussionId, CancellationToken ct)
    {
        var s = await db.StrategyDiscussions.AsNoTracking().Include(x => x.Participants).FirstOrDefaultAsync(x => x.Id == discussionId && x.ChildId == childId, ct);
        if (s is null) return NotFound();
        Record = s;
        EnquiryId = await db.Section47Enquiries.Where(e => e.StrategyDiscussionId == s.Id).Select(e => (int?)e.Id).FirstOrDefaultAsync(ct);
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        return Page();
    }
}
