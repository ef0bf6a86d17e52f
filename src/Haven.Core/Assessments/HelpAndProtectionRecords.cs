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
public sealed class HelpAndProtectionChronology(HavenDbContext db) : IChronologyRowSource
{
    public string Category => "Assessments and child protection";

    /// Every table ForChildAsync reads by the child.
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, bool>> HasRows => (d, id) => d.Assessments.Any(a => a.ChildId == id) || d.StrategyDiscussions.Any(s => s.ChildId == id) || d.Section47Enquiries.Any(s => s.ChildId == id);

    private static DateTime At(DateOnly d) => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// Part 0 assessments (N id, On start, Until authorised, A outcome), 1 strategy discussions
    /// (N id, On date, Flag start a section 47), 2 section 47 enquiries (N id, Until completed, A outcome).
    public System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> Rows => RowsRead;

    private static readonly System.Linq.Expressions.Expression<Func<HavenDbContext, int, int, IQueryable<ChronologyRow>>> RowsRead = (d, id, source) =>
        d.Assessments.Where(a => a.ChildId == id)
            .Select(a => new ChronologyRow(source, 0, a.StartDate, a.AuthorisedDate, a.Outcome != null ? ChronologyRow.Text(a.Outcome.Value.ToString()) : null, null, null, a.Id, null, null, null, null, null))
        .Concat(d.StrategyDiscussions.Where(s => s.ChildId == id)
            .Select(s => new ChronologyRow(source, 1, s.Date, null, null, null, null, s.Id, null, s.StartSection47, null, null, null)))
        .Concat(d.Section47Enquiries.Where(s => s.ChildId == id)
            .Select(s => new ChronologyRow(source, 2, null, s.CompletedDate, s.Outcome != null ? ChronologyRow.Text(s.Outcome.Value.ToString()) : null, null, null, s.Id, null, null, null, null, null)));

    private static readonly ChildRows<ChronologyRow> Alone = ChronologyRow.Alone(RowsRead);

    public async Task<IReadOnlyList<ChronologyItem>> ForChildAsync(int childId, CancellationToken ct) => Items(await Alone.ListAsync(db, childId, ct));

    public IReadOnlyList<ChronologyItem> Items(IReadOnlyList<ChronologyRow> rows)
    {
        var items = new List<ChronologyItem>();
        foreach (var a in rows.Where(r => r.Part == 0))
        {
            items.Add(new(At(a.On!.Value), false, Category, "Assessment started", null, null, $"assessments/{a.N}"));
            if (a.Until is { } done)
                items.Add(new(At(done), false, Category, "Assessment authorised", a.A is { } o ? $"Outcome: {Assessment.Describe(Enum.Parse<AssessmentOutcome>(o))}" : null, null, $"assessments/{a.N}"));
        }
        items.AddRange(rows.Where(r => r.Part == 1).Select(s => new ChronologyItem(At(s.On!.Value), false, Category, "Strategy discussion",
            s.Flag == true ? "Decision: section 47 enquiry" : "Decision: no section 47 enquiry", null, $"child-protection/strategy-discussion/{s.N}")));
        foreach (var s in rows.Where(r => r.Part == 2 && r.Until is not null))
            items.Add(new(At(s.Until!.Value), false, Category, "Section 47 enquiry completed",
                s.A is { } o ? ChildProtection.Section47Enquiry.Describe(Enum.Parse<ChildProtection.Section47Outcome>(o)) : null, null, $"child-protection/section-47/{s.N}"));
        return items;
    }
}
