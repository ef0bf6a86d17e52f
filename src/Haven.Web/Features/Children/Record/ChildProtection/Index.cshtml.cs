using Haven.Core.ChildProtection;
using Haven.Core.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.ChildProtection;

public class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public sealed record DiscussionRow(int Id, DateOnly Date, bool StartSection47, int Participants);

    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<DiscussionRow> Discussions { get; private set; } = [];
    public IReadOnlyList<Section47Enquiry> Enquiries { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public IReadOnlyList<ChildProtectionPlan> Plans { get; private set; } = [];
    public IReadOnlyList<ChildProtectionConference> Conferences { get; private set; } = [];

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Header = (await ChildHeader.LoadAsync(db, childId, "protection", Today, ct))!;
        Discussions = await db.StrategyDiscussions.AsNoTracking().Where(s => s.ChildId == childId).OrderByDescending(s => s.Date)
            .Select(s => new DiscussionRow(s.Id, s.Date, s.StartSection47, s.Participants.Count)).ToListAsync(ct);
        Enquiries = await db.Section47Enquiries.AsNoTracking().Where(s => s.ChildId == childId).OrderByDescending(s => s.StartDate).ToListAsync(ct);
        Plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ChildId == childId).OrderByDescending(p => p.StartDate).ToListAsync(ct);
        Conferences = await db.ChildProtectionConferences.AsNoTracking().Where(c => c.ChildId == childId).OrderByDescending(c => c.Date).ToListAsync(ct);
    }
}
