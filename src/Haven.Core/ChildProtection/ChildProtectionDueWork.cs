using Haven.Core.CaseNotes;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.Involvements;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.ChildProtection;

/// What is due under each open child protection plan: the next review conference, visit and core
/// group meeting, from the records actually held. A child protection involvement with no plan
/// recorded (a case brought over from an earlier system) is counted from the span's start, its last
/// review, and statutory visits in the case notes. An unborn child has no visits of their own.
public sealed class ChildProtectionDueWork(HavenDbContext db, ChildProtectionSettings settings, DueWorkFacts facts) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var plans = await db.ChildProtectionPlans.AsNoTracking().Where(p => childIds.Contains(p.ChildId) && p.EndDate == null)
            .Select(p => new
            {
                p.Id, p.ChildId, p.StartDate,
                LastReview = db.ChildProtectionConferences.Where(c => c.ChildProtectionPlanId == p.Id && c.Kind == ConferenceKind.Review).Max(c => (DateOnly?)c.Date),
                LastVisit = db.ChildProtectionVisits.Where(v => v.ChildProtectionPlanId == p.Id && v.ChildSeen).Max(v => (DateOnly?)v.Date),
                LastCoreGroup = db.CoreGroupMeetings.Where(m => m.ChildProtectionPlanId == p.Id).Max(m => (DateOnly?)m.Date),
            }).ToListAsync(ct);
        var withPlan = plans.Select(p => p.ChildId).ToHashSet();
        var spans = (await facts.OpenInvolvementsAsync(childIds, ct))
            .Where(i => i.Kind == InvolvementKind.ChildProtection && !withPlan.Contains(i.ChildId)).ToList();
        var spanChildren = spans.Select(i => i.ChildId).ToList();
        var noteVisits = spanChildren.Count == 0 ? [] : await db.CaseNotes.AsNoTracking()
            .Where(n => spanChildren.Contains(n.ChildId) && n.Type == CaseNoteType.StatutoryVisit && n.ChildSeen)
            .GroupBy(n => n.ChildId).Select(g => new { ChildId = g.Key, Last = g.Max(n => n.EventAt) })
            .ToDictionaryAsync(x => x.ChildId, x => DateOnly.FromDateTime(x.Last), ct);
        var unborn = (await facts.ChildrenAsync(childIds, ct)).Values.Where(c => c.IsUnborn).Select(c => c.Id).ToHashSet();

        var items = new List<DueItem>();
        foreach (var p in plans)
        {
            var href = $"/children/{p.ChildId}/child-protection/plans/{p.Id}";
            var (reviewDue, reviewRule) = ChildProtectionRules.NextReview(p.StartDate, p.LastReview);
            items.Add(new(p.ChildId, p.LastReview is null ? "First child protection review conference" : "Child protection review conference", reviewDue, reviewRule)
                { Href = $"{href}/review" });
            var (coreDue, coreRule) = ChildProtectionRules.NextCoreGroup(p.StartDate, p.LastCoreGroup, settings);
            items.Add(new(p.ChildId, p.LastCoreGroup is null ? "First core group meeting" : "Core group meeting", coreDue, coreRule)
                { Href = $"/children/{p.ChildId}/child-protection/core-group/add" });
            if (!unborn.Contains(p.ChildId))
                items.Add(new(p.ChildId, "Child protection visit", ChildProtectionRules.NextVisit(p.StartDate, p.LastVisit, settings), settings.VisitRule)
                    { Href = $"/children/{p.ChildId}/child-protection/visits/add" });
        }
        foreach (var i in spans)
        {
            var (reviewDue, reviewRule) = ChildProtectionRules.NextReview(i.StartDate, i.ReviewsHeld == 0 ? null : i.LastReviewDate);
            items.Add(new(i.ChildId, i.ReviewsHeld == 0 || i.LastReviewDate is null ? "First child protection review conference" : "Child protection review conference", reviewDue, reviewRule));
            if (!unborn.Contains(i.ChildId))
                items.Add(new(i.ChildId, "Child protection visit", ChildProtectionRules.NextVisit(i.StartDate, noteVisits.TryGetValue(i.ChildId, out var v) ? v : null, settings), settings.VisitRule));
        }
        return items;
    }
}

/// Conferences, plans starting and ending, core group meetings and visits in the child's chronology.
public sealed class ChildProtectionPlanChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Assessments and child protection";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.ChildProtectionConferences.Any(c => c.ChildId == id) || d.ChildProtectionPlans.Any(p => p.ChildId == id) || d.CoreGroupMeetings.Any(m => m.ChildId == id) || d.ChildProtectionVisits.Any(v => v.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private sealed record ConferenceRow(int Id, ConferenceKind Kind, DateOnly Date, bool PlanNeeded, string? CategoryOfAbuse, PlanEndReason? EndReason);
    private sealed record EndedRow(int Id, DateOnly? EndDate, PlanEndReason? EndReason);
    private sealed record MeetingRow(int Id, DateOnly Date, int ChildProtectionPlanId);
    private sealed record VisitRow(DateOnly Date, bool ChildSeen, bool ChildSeenAlone, int ChildProtectionPlanId);

    private static readonly ChildRows<ConferenceRow> Conferences = new((d, id) => d.ChildProtectionConferences.Where(c => c.ChildId == id)
        .Select(c => new ConferenceRow(c.Id, c.Kind, c.Date, c.PlanNeeded, c.CategoryOfAbuse, c.EndReason)));
    private static readonly ChildRows<EndedRow> Ended = new((d, id) => d.ChildProtectionPlans.Where(p => p.ChildId == id && p.EndDate != null && p.EndConferenceId == null)
        .Select(p => new EndedRow(p.Id, p.EndDate, p.EndReason)));
    private static readonly ChildRows<MeetingRow> Meetings = new((d, id) => d.CoreGroupMeetings.Where(m => m.ChildId == id)
        .Select(m => new MeetingRow(m.Id, m.Date, m.ChildProtectionPlanId)));
    private static readonly ChildRows<VisitRow> Visits = new((d, id) => d.ChildProtectionVisits.Where(v => v.ChildId == id)
        .Select(v => new VisitRow(v.Date, v.ChildSeen, v.ChildSeenAlone, v.ChildProtectionPlanId)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var items = new List<ChronologyItem>();
        var conferences = await Conferences.ListAsync(db, childId, ct);
        foreach (var c in conferences)
        {
            var decision = c.Kind == ConferenceKind.Initial
                ? c.PlanNeeded ? $"Child protection plan: {ChildProtectionPlan.DescribeCategory(c.CategoryOfAbuse)}" : "No child protection plan"
                : c.PlanNeeded ? $"Plan continues: {ChildProtectionPlan.DescribeCategory(c.CategoryOfAbuse)}" : $"Plan ends: {(c.EndReason is { } r ? ChildProtectionPlan.Describe(r) : "")}";
            items.Add(new(At(c.Date), false, Category, ChildProtectionConference.Describe(c.Kind), decision, null, $"child-protection/conferences/{c.Id}"));
        }
        var ended = await Ended.ListAsync(db, childId, ct);
        items.AddRange(ended.Select(p => new ChronologyItem(At(p.EndDate!.Value), false, Category, "Child protection plan ended",
            p.EndReason is { } r ? ChildProtectionPlan.Describe(r) : null, null, $"child-protection/plans/{p.Id}")));
        var meetings = await Meetings.ListAsync(db, childId, ct);
        items.AddRange(meetings.Select(m => new ChronologyItem(At(m.Date), false, Category, "Core group meeting", null, null, $"child-protection/plans/{m.ChildProtectionPlanId}")));
        var visits = await Visits.ListAsync(db, childId, ct);
        items.AddRange(visits.Select(v => new ChronologyItem(At(v.Date), false, Category, "Child protection visit",
            v.ChildSeenAlone ? "Child seen alone" : v.ChildSeen ? "Child seen" : "Child not seen", null, $"child-protection/plans/{v.ChildProtectionPlanId}")));
        return items;
    }
}

/// The flags a child's open child protection plan carries: a second or subsequent plan, and a
/// plan lasting 2 years or more (CIN census; Timescales.LongChildProtectionPlan).
public static class ChildProtectionFlags
{
    public const string SecondOrSubsequent = "Second or subsequent child protection plan";
    public const string TwoYearsOrMore = "Child protection plan 2 years or more";

    public static IReadOnlyList<string> For(ChildProtectionPlan plan, DateOnly today)
    {
        var flags = new List<string>();
        if (plan.IsSecondOrSubsequent) flags.Add(SecondOrSubsequent);
        if (plan.LastedTwoYearsOrMore(today)) flags.Add(TwoYearsOrMore);
        return flags;
    }

    public static async Task<IReadOnlyList<string>> ForChildAsync(HavenDbContext db, int childId, DateOnly today, CancellationToken ct)
    {
        var plan = await db.ChildProtectionPlans.AsNoTracking().Where(p => p.ChildId == childId && p.EndDate == null).OrderByDescending(p => p.StartDate).FirstOrDefaultAsync(ct);
        return plan is null ? [] : For(plan, today);
    }
}
