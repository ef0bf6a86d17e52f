using Haven.Core.Calendar;
using Haven.Core.CaseNotes;
using Haven.Core.Data;
using Haven.Core.Involvements;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Haven.Core.MyWork;

/// Something due for a child by a statutory or local timescale. Href, when given, is the page
/// where the work is done (relative to the site root).
public sealed record DueItem(int ChildId, string What, DateOnly Due, TimescaleRule Rule)
{
    public string? Href { get; init; }
    public bool IsOverdueOn(DateOnly today) => Due < today;
}

/// One service's due work (visits, reviews, assessments, checks…), computed from its own records.
/// Each service registers its source; My work, the team view and the child's summary ask all of
/// them through DueWork.
public interface IDueWorkSource
{
    Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct);

    /// Work due from one worker that is about no one child (a foster household's annual review, for
    /// its supervising social worker). Most sources have none.
    Task<IReadOnlyList<WorkerDueItem>> ForWorkerAsync(int workerId, CancellationToken ct) => Task.FromResult<IReadOnlyList<WorkerDueItem>>([]);

    /// True when every item this source gives is due today (something to put right now), so none is
    /// ever overdue: a page that shows only overdue work (the team view) need not ask it.
    bool DueTodayOnly => false;
}

/// Something due from a worker by a timescale, about no one child; Href is where the work is done.
public sealed record WorkerDueItem(string What, DateOnly Due, TimescaleRule Rule, string Href)
{
    public bool IsOverdueOn(DateOnly today) => Due < today;
}

/// Everything due for a set of children, from every registered source, soonest first. Each source
/// answers for all the children at once (a fixed number of queries, however many children: the
/// team view asks about a whole team's); what several sources need about the same children
/// (DueWorkFacts) is read once; the connection stays open across the sources instead of being
/// opened and closed for each of their 40 or so queries; and what a source found for a child is
/// kept (DueWorkCache) until that child's record changes, so a source is asked only about the
/// children whose items it does not have.
public sealed class DueWork(IEnumerable<IDueWorkSource> sources, HavenDbContext db, DueWorkFacts facts, DueWorkCache cache, ILogger<DueWork> log)
{
    public Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct = default) =>
        FromAsync(sources, childIds, ct);

    /// What is overdue on today (due before it) for the children, soonest first: the same items as
    /// ForChildrenAsync filtered to the overdue, without asking the sources whose items are always
    /// due today (the CIN census check, the costliest source, on the team view).
    public async Task<IReadOnlyList<DueItem>> OverdueForChildrenAsync(IReadOnlyCollection<int> childIds, DateOnly today, CancellationToken ct = default) =>
        (await FromAsync(sources.Where(s => !s.DueTodayOnly), childIds, ct)).Where(d => d.IsOverdueOn(today)).ToList();

    private async Task<IReadOnlyList<DueItem>> FromAsync(IEnumerable<IDueWorkSource> asked, IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var ids = childIds.Distinct().ToList();
        // Taken before any source is asked: a save made meanwhile makes what is kept stale at once.
        var stamp = cache.Now();
        var items = new List<DueItem>();
        var timing = log.IsEnabled(LogLevel.Debug);
        var opened = false;
        facts.Clear();
        try
        {
            foreach (var source in asked)
            {
                var type = source.GetType();
                List<int>? missing = null;
                // The order of the items a source gives for one child is kept (the page sorts by date
                // and child only), whether they come from the cache or from asking it.
                foreach (var id in ids)
                    if (cache.TryGet(id, type, stamp, out var kept)) items.AddRange(kept);
                    else (missing ??= []).Add(id);
                if (missing is null) continue;

                if (!opened)
                {
                    await db.Database.OpenConnectionAsync(ct);
                    opened = true;
                }
                var started = timing ? Stopwatch.GetTimestamp() : 0;
                // One DbContext per scope: the sources run one after another, never concurrently.
                var found = await source.ForChildrenAsync(missing, ct);
                items.AddRange(found);
                Keep(type, missing, found, stamp);
                if (timing)
                    log.LogDebug("Due work from {Source}: {Items} items for {Children} of {Asked} children in {Milliseconds:0.0} ms",
                        type.Name, found.Count, missing.Count, ids.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
            facts.Clear();
        }
        return items.OrderBy(x => x.Due).ThenBy(x => x.ChildId).ToList();
    }

    /// Keeps each asked child's items from the source (none is kept too: nothing due). A source that
    /// answered about a child it was not asked about is not kept at all.
    private void Keep(Type source, List<int> asked, IReadOnlyList<DueItem> found, RecordCache.Stamp stamp)
    {
        if (!stamp.Caching) return;
        var byChild = new Dictionary<int, List<DueItem>>();
        foreach (var id in asked) byChild[id] = [];
        foreach (var item in found)
        {
            if (!byChild.TryGetValue(item.ChildId, out var list)) return;
            list.Add(item);
        }
        foreach (var (id, list) in byChild) cache.Set(id, source, stamp, list.Count == 0 ? [] : list.ToArray());
    }

    /// What is due from this worker that is about no one child, from every registered source, soonest first.
    public async Task<IReadOnlyList<WorkerDueItem>> ForWorkerAsync(int workerId, CancellationToken ct = default)
    {
        var items = new List<WorkerDueItem>();
        foreach (var source in sources) items.AddRange(await source.ForWorkerAsync(workerId, ct));
        return items.OrderBy(x => x.Due).ThenBy(x => x.What, StringComparer.Ordinal).ToList();
    }
}

/// What is due from the children's open involvements and the statutory timescales: visits from
/// the last visit actually held, reviews from the last review held. Services that keep their own
/// records (assessments, plans, periods of care) replace the matching cases here with sources of
/// their own as they land (assessments: HelpAndProtectionDueWork; child in need plan reviews: PlansDueWork;
/// child protection plans: ChildProtectionDueWork; periods of care: LookedAfterDueWork; care leavers: CareLeaverDueWork).
public sealed class InvolvementDueWork(HavenDbContext db, DueWorkFacts facts) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var involvements = await facts.OpenInvolvementsAsync(childIds, ct);
        var inNeed = involvements.Where(i => i.Kind == InvolvementKind.ChildInNeed).Select(i => i.ChildId).Distinct().ToList();
        if (inNeed.Count == 0) return [];
        // Visits only of the children in need (a child in care may have thousands of notes), and of
        // each only the latest: read newest first through (ChildId, Type, EventAt) and stopped at the
        // first the child was seen on. MAX() over a GROUP BY read every visit note of the team's
        // children in need (1,700 at 50,000 children, a table row each for ChildSeen) on every view.
        var lastVisits = (await db.Involvements.AsNoTracking()
                .Where(i => inNeed.Contains(i.ChildId) && i.EndDate == null && i.Kind == InvolvementKind.ChildInNeed)
                .Select(i => new
                {
                    i.ChildId,
                    Last = db.CaseNotes.Where(n => n.ChildId == i.ChildId && n.Type == CaseNoteType.StatutoryVisit && n.ChildSeen)
                        .OrderByDescending(n => n.EventAt).Select(n => (DateTime?)n.EventAt).FirstOrDefault(),
                })
                .ToListAsync(ct))
            .Where(x => x.Last is not null).DistinctBy(x => x.ChildId)
            .ToDictionary(x => x.ChildId, x => DateOnly.FromDateTime(x.Last!.Value));

        // A pre-birth plan's visits are to the expectant parent, recorded on their record: the unborn
        // child has no statutory visits of their own until born.
        var unborn = (await facts.ChildrenAsync(childIds, ct)).Values.Where(c => c.IsUnborn).Select(c => c.Id).ToHashSet();

        var items = new List<DueItem>();
        foreach (var i in involvements)
        {
            lastVisits.TryGetValue(i.ChildId, out var lastVisit);
            var visitFrom = lastVisit > i.StartDate ? lastVisit : i.StartDate;
            switch (i.Kind)
            {
                case InvolvementKind.ChildInNeed:
                    items.Add(Item(i, "Child in need visit", Timescales.ChildInNeedVisit, visitFrom));
                    break;
            }
        }
        return items.Where(x => !(unborn.Contains(x.ChildId) && IsVisit(x.Rule))).OrderBy(x => x.Due).ToList();
    }

    private static bool IsVisit(TimescaleRule rule) => rule == Timescales.ChildInNeedVisit || rule == Timescales.ChildProtectionVisit
        || rule == Timescales.LookedAfterVisit || rule == Timescales.FirstPlacementVisit;

    private static DueItem Item(Involvement i, string what, TimescaleRule rule, DateOnly from) => new(i.ChildId, what, rule.DueFrom(from), rule);
}
