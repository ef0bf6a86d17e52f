using Haven.Core.Chronology;
using Haven.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.EarlyHelp;

/// Early help on the child's chronology: start (and step down), assessment, reviews and closure
/// (and step up), so early help and social care read as one story.
public sealed class EarlyHelpChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Early help";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.EarlyHelpEpisodes.Any(e => e.ChildId == id);

    private static readonly ChildRows<EarlyHelpEpisode> Episodes = new((d, id) => d.EarlyHelpEpisodes.AsNoTracking().Where(e => e.ChildId == id).Include(e => e.Reviews));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var episodes = await Episodes.ListAsync(db, childId, ct);
        var items = new List<ChronologyItem>();
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var e in episodes)
        {
            var link = $"early-help/{e.Id}";
            items.Add(new(At(e.StartDate), false, Category, e.SteppedDownFromReferralId is null ? "Early help started" : "Early help started: stepped down from social care",
                $"Lead practitioner {e.LeadPractitioner} ({e.LeadAgency})", null, link));
            if (e.AssessmentCompletedOn is { } a)
                items.Add(new(At(a), false, Category, "Early help assessment completed", e.AssessmentCompletedBy, null, link));
            foreach (var r in e.Reviews)
                items.Add(new(At(r.HeldOn), false, Category, "Early help plan reviewed", null, null, link));
            if (e.ClosedOn is { } c)
                items.Add(new(At(c), false, Category, $"Early help closed: {EarlyHelpEpisode.Describe(e.Outcome ?? EarlyHelpOutcome.Other)}",
                    e.SteppedUpReferralId is null ? null : "Referral to children's social care made", null, link));
        }
        return items;
    }
}
