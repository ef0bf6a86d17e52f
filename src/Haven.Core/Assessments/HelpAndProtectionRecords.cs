using Haven.Core.Calendar;
using Haven.Core.Chronology;
using Haven.Core.Data;
using Haven.Core.MyWork;
using Microsoft.EntityFrameworkCore;

namespace Haven.Core.Assessments;

/// What is due from assessments and section 47 enquiries: each open assessment by its 45-working-day
/// date, each enquiry that needs a conference by its ICPC target date.
public sealed class HelpAndProtectionDueWork(HavenDbContext db) : IDueWorkSource
{
    public async Task<IReadOnlyList<DueItem>> ForChildrenAsync(IReadOnlyCollection<int> childIds, CancellationToken ct)
    {
        if (childIds.Count == 0) return [];
        var assessments = await db.Assessments.AsNoTracking()
            .Where(a => childIds.Contains(a.ChildId) && a.AuthorisedDate == null)
            .Select(a => new { a.Id, a.ChildId, a.DueDate }).ToListAsync(ct);
        var enquiries = await db.Section47Enquiries.AsNoTracking()
            .Where(s => childIds.Contains(s.ChildId) && s.InitialConferenceDate == null
                && (s.CompletedDate == null || s.Outcome == ChildProtection.Section47Outcome.ConferenceRequired))
            .Select(s => new { s.Id, s.ChildId, s.InitialConferenceDue }).ToListAsync(ct);
        return assessments.Select(a => new DueItem(a.ChildId, "Assessment to complete", a.DueDate, Timescales.Assessment) { Href = $"/children/{a.ChildId}/assessments/{a.Id}" })
            .Concat(enquiries.Select(s => new DueItem(s.ChildId, "Initial child protection conference", s.InitialConferenceDue, Timescales.InitialChildProtectionConference)
                { Href = $"/children/{s.ChildId}/child-protection/section-47/{s.Id}" }))
            .ToList();
    }
}

/// Assessments, strategy discussions and section 47 enquiries in the child's chronology.
public sealed class HelpAndProtectionChronology(HavenDbContext db) : IChronologySource
{
    public string Category => "Assessments and child protection";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Assessments.Any(a => a.ChildId == id) || d.StrategyDiscussions.Any(s => s.ChildId == id) || d.Section47Enquiries.Any(s => s.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    private sealed record AssessmentRow(int Id, DateOnly StartDate, DateOnly? AuthorisedDate, AssessmentOutcome? Outcome);
    private sealed record DiscussionRow(int Id, DateOnly Date, bool StartSection47);
    private sealed record EnquiryRow(int Id, DateOnly? CompletedDate, ChildProtection.Section47Outcome? Outcome);

    private static readonly ChildRows<AssessmentRow> Assessments = new((d, id) => d.Assessments.Where(a => a.ChildId == id)
        .Select(a => new AssessmentRow(a.Id, a.StartDate, a.AuthorisedDate, a.Outcome)));
    private static readonly ChildRows<DiscussionRow> Discussions = new((d, id) => d.StrategyDiscussions.Where(s => s.ChildId == id)
        .Select(s => new DiscussionRow(s.Id, s.Date, s.StartSection47)));
    private static readonly ChildRows<EnquiryRow> Enquiries = new((d, id) => d.Section47Enquiries.Where(s => s.ChildId == id)
        .Select(s => new EnquiryRow(s.Id, s.CompletedDate, s.Outcome)));

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct)
    {
        var items = new List<ChronologyItem>();
        var assessments = await Assessments.ListAsync(db, childId, ct);
        foreach (var a in assessments)
        {
            items.Add(new(At(a.StartDate), false, Category, "Assessment started", null, null, $"assessments/{a.Id}"));
            if (a.AuthorisedDate is { } done)
                items.Add(new(At(done), false, Category, "Assessment authorised", a.Outcome is { } o ? $"Outcome: {Assessment.Describe(o)}" : null, null, $"assessments/{a.Id}"));
        }
        var discussions = await Discussions.ListAsync(db, childId, ct);
        items.AddRange(discussions.Select(s => new ChronologyItem(At(s.Date), false, Category, "Strategy discussion",
            s.StartSection47 ? "Decision: section 47 enquiry" : "Decision: no section 47 enquiry", null, $"child-protection/strategy-discussion/{s.Id}")));
        var enquiries = await Enquiries.ListAsync(db, childId, ct);
        foreach (var s in enquiries.Where(s => s.CompletedDate is not null))
            items.Add(new(At(s.CompletedDate!.Value), false, Category, "Section 47 enquiry completed",
                s.Outcome is { } o ? ChildProtection.Section47Enquiry.Describe(o) : null, null, $"child-protection/section-47/{s.Id}"));
        return items;
    }
}
