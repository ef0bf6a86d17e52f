using Haven.Core.Data;
using Haven.Core.Missing;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Children.Record.Missing;

public class IndexModel(HavenDbContext db, TimeProvider clock) : PageModel
{
    public ChildHeader Header { get; private set; } = null!;
    public IReadOnlyList<MissingEpisode> Episodes { get; private set; } = [];
    public bool IsRepeat { get; private set; }

    public async Task OnGetAsync(int childId, CancellationToken ct)
    {
        Header = (await ChildHeader.LoadAsync(db, childId, "missing", DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct))!;
        Episodes = await db.MissingEpisodes.AsNoTracking().Include(e => e.Interview).Where(e => e.ChildId == childId)
            .OrderByDescending(e => e.StartedAt).ToListAsync(ct);
        IsRepeat = MissingService.IsRepeat(Episodes.Select(e => e.StartedAt), clock.GetUtcNow().UtcDateTime);
    }

    public static (string Text, string Colour) InterviewStatus(MissingEpisode e) => e switch
    {
        { ReturnedAt: null } => ("Still missing", "red"),
        { Interview: null } => ("Not offered", "orange"),
        { Interview.CompletedAt: not null } => ("Completed", "green"),
        { Interview.Response: InterviewResponse.Declined } => ("Declined", "grey"),
        { Interview.Response: InterviewResponse.Accepted } => ("Accepted – to hold", "blue"),
        _ => ("Offered", "blue"),
    };

    public static bool OfferedInTime(MissingEpisode e) => e.Interview is { } i && e.InterviewDueBy is { } due && i.OfferedAt <= due;
}
