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
public sealed class ChildProtectionPlanChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Assessments and child protection";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.ChildProtectionConferences.Any(c => c.ChildId == id) || d.ChildProtectionPlans.Any(p => p.ChildId == id) || d.CoreGroupMeetings.Any(m => m.ChildId == id) || d.ChildProtectionVisits.Any(v => v.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// Part 0 conferences (N id, On date, A kind, B category of abuse, C end reason, Flag plan needed),
    /// 1 plans ended without a conference (N id, Until end, C end reason), 2 core group meetings
    /// (N id, On date, M plan), 3 visits (On date, M plan, Flag child seen, Flag2 seen alone).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) =>
        d.ChildProtectionConferences.Where(c => c.ChildId == id)
            .Select(c => new ChronologyRow(source, 0, c.Date, null, ChronologyRow.Text(c.Kind.ToString()), ChronologyRow.Text(c.CategoryOfAbuse),
                c.EndReason != null ? ChronologyRow.Text(c.EndReason.Value.ToString()) : null, c.Id, null, c.PlanNeeded, null, null, null))
        .Concat(d.ChildProtectionPlans.Where(p => p.ChildId == id && p.EndDate != null && p.EndConferenceId == null)
            .Select(p => new ChronologyRow(source, 1, null, p.EndDate, null, null, p.EndReason != null ? ChronologyRow.Text(p.EndReason.Value.ToString()) : null, p.Id, null, null, null, null, null)))
        .Concat(d.CoreGroupMeetings.Where(m => m.ChildId == id)
            .Select(m => new ChronologyRow(source, 2, m.Date, null, null, null, null, m.Id, m.ChildProtectionPlanId, null, null, null, null)))
        .Concat(d.ChildProtectionVisits.Where(v => v.ChildId == id)
            .Select(v => new ChronologyRow(source, 3, v.Date, null, null, null, null, null, v.ChildProtectionPlanId, v.ChildSeen, v.ChildSeenAlone, null, null)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var items = new List<ChronologyItem>();
        foreach (var c in rows.Where(r => r.Part == 0))
        {
            var kind = Enum.Parse<ConferenceKind>(c.A!);
            PlanEndReason? endReason = c.C is { } e ? Enum.Parse<PlanEndReason>(e) : null;
            var decision = kind == ConferenceKind.Initial
                ? c.Flag == true ? $"Child protection plan: {ChildProtectionPlan.DescribeCategory(c.B)}" : "No child protection plan"
                : c.Flag == true ? $"Plan continues: {ChildProtectionPlan.DescribeCategory(c.B)}" : $"Plan ends: {(endReason is { } r ? ChildProtectionPlan.Describe(r) : "")}";
            items.Add(new(At(c.On!.Value), false, Category, ChildProtectionConference.Describe(kind), decision, null, $"child-protection/conferences/{c.N}"));
        }
        items.AddRange(rows.Where(r => r.Part == 1).Select(p => new ChronologyItem(At(p.Until!.Value), false, Category, "Child protection plan ended",
            p.C is { } r ? ChildProtectionPlan.Describe(Enum.Parse<PlanEndReason>(r)) : null, null, $"child-protection/plans/{p.N}")));
        items.AddRange(rows.Where(r => r.Part == 2).Select(m => new ChronologyItem(At(m.On!.Value), false, Category, "Core group meeting", null, null, $"child-protection/plans/{m.M}")));
        items.AddRange(rows.Where(r => r.Part == 3).Select(v => new ChronologyItem(At(v.On!.Value), false, Category, "Child protection visit",
            v.Flag2 == true ? "Child seen alone" : v.Flag == true ? "Child seen" : "Child not seen", null, $"child-protection/plans/{v.M}")));
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
