using Haven.Core.Calendar;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.CareLeavers;

/// How soon the pathway plan must be reviewed after a significant change: a council sets
/// CareLeavers:ChangeReviewWorkingDays; the default is Timescales.PathwayReviewAfterChange.
public sealed class CareLeaverSettings
{
    public int? ChangeReviewWorkingDays { get; set; }

    public TimescaleRule ChangeReviewRule => ChangeReviewWorkingDays is int days and > 0
        ? Timescales.PathwayReviewAfterChange with { Period = Period.WorkingDays(days) }
        : Timescales.PathwayReviewAfterChange;
}

/// What is due for care leavers: the needs assessment for an eligible child, the 6-monthly pathway
/// plan review, a prompt review after each significant change not yet followed by a review, and
/// EET panel actions not yet done. Replaces the CareLeaver case of InvolvementDueWork.
public sealed class CareLeaverDueWork(HavenDbContext db, CareLeaverService service, CareLeaverSettings settings, TimeProvider clock, DueWorkFacts facts) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var leaving = (await facts.OpenInvolvementsAsync(childIds, ct)).Where(i => i.Kind == InvolvementKind.CareLeaver)
            .Select(i => new { i.ChildId, i.StartDate, i.LastReviewDate }).ToList();
        var plans = await db.PathwayPlans.AsNoTracking().Where(p => childIds.Contains(p.ChildId))
            .Select(p => new { p.ChildId, p.NeedsAssessmentDate, p.AgreedDate }).ToDictionaryAsync(p => p.ChildId, ct);
        var reviews = await db.PathwayReviews.AsNoTracking().Where(r => childIds.Contains(r.ChildId))
            .GroupBy(r => r.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(r => r.ReviewDate) }).ToDictionaryAsync(x => x.ChildId, x => x.Last, ct);
        var changes = await db.SignificantChanges.AsNoTracking().Where(c => childIds.Contains(c.ChildId))
            .Select(c => new { c.ChildId, c.Kind, c.EventDate }).ToListAsync(ct);
        var items = new List<DueItem>();

        // The 6-monthly review, for everyone with a leaving-care involvement or a pathway plan.
        foreach (var childId in leaving.Select(l => l.ChildId).Union(plans.Keys).Distinct())
        {
            var involvement = leaving.FirstOrDefault(l => l.ChildId == childId);
            DateOnly? last = reviews.TryGetValue(childId, out var r) ? r : null;
            if (involvement?.LastReviewDate is { } il && (last is null || il > last)) last = il;
            var plan = plans.GetValueOrDefault(childId);
            var from = last ?? plan?.AgreedDate ?? involvement?.StartDate ?? plan?.NeedsAssessmentDate;
            if (from is null) continue;
            items.Add(new DueItem(childId, "Pathway plan review", Timescales.PathwayPlanReview.DueFrom(from.Value), Timescales.PathwayPlanReview)
                { Href = $"/children/{childId}/care-leaver/reviews/add" });
        }

        // A prompt review after each significant change that no review has yet followed.
        var rule = settings.ChangeReviewRule;
        foreach (var c in changes)
        {
            if (reviews.TryGetValue(c.ChildId, out var lastReview) && lastReview >= c.EventDate) continue;
            items.Add(new DueItem(c.ChildId, $"Review the pathway plan: {SignificantChange.Describe(c.Kind).ToLowerInvariant()}", rule.DueFrom(c.EventDate), rule)
                { Href = $"/children/{c.ChildId}/care-leaver/reviews/add" });
        }

        // The needs assessment, for a child who has become eligible and has none recorded.
        var (born18, born16) = (today.AddYears(-18), today.AddYears(-16));
        var young = (await facts.ChildrenAsync(childIds, ct)).Values
            .Where(p => p.DateOfBirth is { } dob && dob > born18 && dob <= born16).Select(p => p.Id).ToList();
        var needing = young.Where(id => plans.GetValueOrDefault(id)?.NeedsAssessmentDate is null).ToList();
        if (needing.Count > 0)
            foreach (var (childId, e) in await service.EligibilityAsync(needing, today, ct))
                if (e.Status is CareLeaverStatus.Eligible or CareLeaverStatus.Relevant && e.EligibleFrom is { } from)
                {
                    var start = from;
                    items.Add(new DueItem(childId, "Needs assessment for the pathway plan", Timescales.PathwayNeedsAssessment.DueFrom(start), Timescales.PathwayNeedsAssessment)
                        { Href = $"/children/{childId}/care-leaver/plan" });
                }

        // EET panel actions not yet done.
        var actions = await db.EetPanelDiscussions.AsNoTracking().Where(e => childIds.Contains(e.ChildId) && e.OutcomeDate == null)
            .Select(e => new { e.ChildId, e.Action, e.ActionDue }).ToListAsync(ct);
        items.AddRange(actions.Select(a => new DueItem(a.ChildId, $"EET panel action: {Shorten(a.Action)}", a.ActionDue, Timescales.EetPanel)
            { Href = $"/children/{a.ChildId}/care-leaver#eet" }));
        return items;
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "…";
}

/// Significant changes, pathway plan reviews and contacts on the chronology.
public sealed class CareLeaverChronology(HavenDbContext db) : Haven.Core.Chronology.IChronologyRowSource
{
    public string Category => "Leaving care";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.SignificantChanges.Any(c => c.ChildId == id) || d.PathwayReviews.Any(r => r.ChildId == id) || d.CareLeaverContacts.Any(c => c.ChildId == id);

    /// Part 0 significant changes (On date, A kind, B details), 1 pathway plan reviews (On date,
    /// B summary, C by), 2 contacts (On date, A method, B summary, C by).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<Haven.Core.Chronology.ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<Haven.Core.Chronology.ChronologyRow>>> RowsRead = (d, id, source) =>
        d.SignificantChanges.Where(c => c.ChildId == id)
            .Select(c => new Haven.Core.Chronology.ChronologyRow(source, 0, c.EventDate, null, Haven.Core.Chronology.ChronologyRow.Text(c.Kind.ToString()),
                Haven.Core.Chronology.ChronologyRow.Text(c.Details), null, null, null, null, null, null, null))
        .Concat(d.PathwayReviews.Where(r => r.ChildId == id)
            .Select(r => new Haven.Core.Chronology.ChronologyRow(source, 1, r.ReviewDate, null, null, Haven.Core.Chronology.ChronologyRow.Text(r.Summary),
                Haven.Core.Chronology.ChronologyRow.Text(r.ReviewedBy.DisplayName), null, null, null, null, null, null)))
        .Concat(d.CareLeaverContacts.Where(r => r.ChildId == id)
            .Select(r => new Haven.Core.Chronology.ChronologyRow(source, 2, r.ContactDate, null, Haven.Core.Chronology.ChronologyRow.Text(r.Method.ToString()),
                Haven.Core.Chronology.ChronologyRow.Text(r.Summary), Haven.Core.Chronology.ChronologyRow.Text(r.Worker.DisplayName), null, null, null, null, null, null)));

    private static readonly Haven.Core.Chronology.ChildRows<Haven.Core.Chronology.ChronologyRow> Alone = Haven.Core.Chronology.ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<Haven.Core.Chronology.ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<Haven.Core.Chronology.ChronologyItem> Items(IReadOnlyList<Haven.Core.Chronology.ChronologyRow> rows)
    {
        static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var items = new List<Haven.Core.Chronology.ChronologyItem>();
        items.AddRange(rows.Where(r => r.Part == 0).Select(c => new Haven.Core.Chronology.ChronologyItem(At(c.On!.Value), false, Category,
            SignificantChange.Describe(Enum.Parse<SignificantChangeKind>(c.A!)), c.B, null, "care-leaver")));
        items.AddRange(rows.Where(r => r.Part == 1).Select(r => new Haven.Core.Chronology.ChronologyItem(At(r.On!.Value), false, Category, "Pathway plan review", r.B, r.C, "care-leaver")));
        items.AddRange(rows.Where(r => r.Part == 2).Select(r => new Haven.Core.Chronology.ChronologyItem(At(r.On!.Value), false, Category,
            $"Contact ({CareLeaverContact.Describe(Enum.Parse<ContactMethod>(r.A!)).ToLowerInvariant()})", r.B, r.C, "care-leaver")));
        return items;
    }
}
