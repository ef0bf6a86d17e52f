using Haven.Core.Access;
using Haven.Core.Data;
using Haven.Core.Exploitation;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.Mega;

/// The MEGA panel: its meetings, newest first, and the children to consider at the next one.
public class IndexModel(HavenDbContext db, PanelService panel, TimeProvider clock) : PageModel
{
    public sealed record MeetingRow(int Id, DateOnly HeldOn, string Chair, int Children, int Actions, int OpenActions);

    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];
    public IReadOnlyList<PanelCandidate> Candidates { get; private set; } = [];
    public bool MayRecord { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var viewer = CurrentWorker.From(User)!;
        MayRecord = PanelAccess.MayRecord(viewer);
        Meetings = await db.PanelMeetings.AsNoTracking().OrderByDescending(m => m.HeldOn).ThenByDescending(m => m.Id).Take(50)
            .Select(m => new MeetingRow(m.Id, m.HeldOn, m.Chair, m.Children.Count, m.Actions.Count, m.Actions.Count(a => a.CompletedOn == null)))
            .ToListAsync(ct);
        Candidates = await panel.CandidatesAsync(viewer, today, ct);
    }
}
