using Haven.Core.Calendar;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Missing;

/// Return home interviews to offer (72 hours from the recorded return) and accepted interviews
/// still to hold. An interview never offered stops showing 28 days after the return: by then it
/// is a missed interview for take-up, not work that can still be done in time.
public sealed class MissingDueWork(HavenDbContext db, TimeProvider clock) : IDueWorkSource
{
    public static readonly TimeSpan ShowFor = TimeSpan.FromDays(28);

    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - ShowFor;
        var rows = await db.MissingEpisodes.AsNoTracking()
            .Where(e => childIds.Contains(e.ChildId) && e.ReturnedAt != null && e.ReturnedAt >= since
                && (e.Interview == null || (e.Interview.Response == InterviewResponse.Accepted && e.Interview.CompletedAt == null)))
            .Select(e => new { e.Id, e.ChildId, ReturnedAt = e.ReturnedAt!.Value, Offered = e.Interview != null })
            .ToListAsync(ct);
        return rows.Select(r => new DueItem(r.ChildId,
                r.Offered ? "Return home interview to hold" : "Return home interview to offer",
                DateOnly.FromDateTime(Timescales.ReturnHomeInterview.DueFrom(r.ReturnedAt)), Timescales.ReturnHomeInterview)
            { Href = $"/children/{r.ChildId}/missing/{r.Id}/interview" }).ToList();
    }
}

public sealed class MissingChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Missing";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.MissingEpisodes.Any(e => e.ChildId == id);

    private static readonly ChildRows<MissingEpisode> Episodes = new((d, id) => d.MissingEpisodes.AsNoTracking().Include(e => e.Interview)
        .Where(e => e.ChildId == id));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var episodes = await Episodes.ListAsync(db, childId, ct);
        var items = new List<ChronologyItem>();
        foreach (var e in episodes)
        {
            var link = $"missing/{e.Id}";
            items.Add(new(e.StartedAt, true, Category, $"{MissingEpisode.Describe(e.Type)} from {MissingEpisode.Describe(e.From).ToLowerInvariant()}",
                $"Risk: {MissingEpisode.Describe(e.Risk)}{(e.PoliceReference is { } p ? $"; police reference {p}" : "")}", e.ReportedBy, link));
            if (e.ReturnedAt is { } r) items.Add(new(r, true, Category, "Returned from missing", e.WhereFound is { } f ? $"Found at {f}" : null, null, link));
            if (e.Interview is { } i)
            {
                items.Add(new(i.OfferedAt, true, Category, "Return home interview offered", $"By {i.OfferedBy}{(i.Independent ? " (independent)" : "")}", null, link));
                if (i.CompletedAt is { } done) items.Add(new(done, true, Category, "Return home interview held", null, null, link));
                else if (i.Response == InterviewResponse.Declined) items.Add(new(i.OfferedAt, true, Category, "Return home interview declined", i.DeclinedReason, null, link));
            }
        }
        return items;
    }
}
