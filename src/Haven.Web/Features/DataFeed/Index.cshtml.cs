using Haven.Core.Data;
using Haven.Core.Returns.DfeFeed;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Haven.Web.Features.DataFeed;

/// The DfE data feed for performance analysts: whether it is configured (setting names only, never
/// values), the last sends, and the children whose last attempt failed, who wait for the next send.
public class IndexModel(HavenDbContext db, DfeFeedOptions options, TimeProvider clock) : PageModel
{
    /// Set by the "check what is waiting" button: rebuild every payload now and compare it with what
    /// the DfE last accepted, without sending or recording anything.
    [BindProperty(SupportsGet = true)] public bool Check { get; set; }
    public DfeFeedPlan? Waiting { get; private set; }

    public IReadOnlyList<DfeFeedSend> Sends { get; private set; } = [];
    public IReadOnlyList<DfeFeedSubmission> Failures { get; private set; } = [];
    public int FailureCount { get; private set; }
    /// The latest purges the DfE accepted, with the local change behind each.
    public IReadOnlyList<DfeFeedSubmission> Purges { get; private set; } = [];
    public int Accepted { get; private set; }
    public int Purged { get; private set; }
    public IReadOnlyList<string> MissingForTest { get; private set; } = [];
    public IReadOnlyList<string> MissingForLive { get; private set; } = [];
    public string ScheduleText => options.ScheduledMode is { } mode and not DfeFeedMode.DryRun
        ? $"{mode} endpoint, every day at {options.ScheduledAtUtc.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)} UTC"
        : "Off";

    public async Task OnGetAsync(CancellationToken ct)
    {
        MissingForTest = options.MissingFor(DfeFeedMode.Test);
        MissingForLive = options.MissingFor(DfeFeedMode.Live);
        Sends = await db.DfeFeedSends.AsNoTracking().OrderByDescending(s => s.StartedAt).ThenByDescending(s => s.Id).Take(20).ToListAsync(ct);
        var failed = db.DfeFeedSubmissions.AsNoTracking().Where(s => s.Status == DfeSubmissionStatus.Error);
        FailureCount = await failed.CountAsync(ct);
        Failures = await failed.OrderByDescending(s => s.ErrorAt).ThenBy(s => s.ChildId).Take(200).ToListAsync(ct);
        Accepted = await db.DfeFeedSubmissions.CountAsync(s => s.Status == DfeSubmissionStatus.Accepted, ct);
        Purged = await db.DfeFeedSubmissions.CountAsync(s => s.Status == DfeSubmissionStatus.Purged, ct);
        Purges = await db.DfeFeedSubmissions.AsNoTracking().Where(s => s.LastPurgeAt != null)
            .OrderByDescending(s => s.LastPurgeAt).ThenBy(s => s.ChildId).Take(50).ToListAsync(ct);
        if (Check) Waiting = await DfeFeedRun.PlanAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), options, full: false, ct);
    }
}
